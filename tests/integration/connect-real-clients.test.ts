import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { ConnectClientId } from '../../src-shared/connect-view.ts';
import { EXISTING_CONFIGS } from '../support/client-configs.ts';
import { CLIENT_BIN, codexServerStatus, EXTRA_CLIENT_BIN } from '../support/codex-app-server.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';
import { runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

// `mcp-tray connect` as a person runs it on a Linux desktop (keys in a real Secret Service), checked by the
// real clients from npm: each one starts the bridge its own way and must say it is connected.
const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'mcp-tray-connect-clients-'));
const home = join(root, 'home');
const project = join(root, 'project');
const dataDir = join(root, 'data');
let keyring: SecretService;
let serve: ServeProcess;
let env: Record<string, string>;

const FILES: Partial<Record<ConnectClientId, string>> = {
  'claude-code': join(home, '.claude.json'),
  codex: join(home, '.codex', 'config.toml'),
  gemini: join(home, '.gemini', 'settings.json'),
  opencode: join(home, '.config', 'opencode', 'opencode.json'),
};
const CLIENTS = Object.keys(FILES) as ConnectClientId[];

before(async () => {
  mkdirSync(project, { recursive: true });
  for (const client of CLIENTS) {
    mkdirSync(dirname(FILES[client]!), { recursive: true });
    writeFileSync(FILES[client]!, EXISTING_CONFIGS[client]);
  }
  // What answering Gemini CLI's trust prompt in this folder writes: it runs no server in untrusted folders.
  writeFileSync(join(home, '.gemini', 'trustedFolders.json'), JSON.stringify({ [project]: 'TRUST_FOLDER' }));
  keyring = await startSecretService();
  // The keyring's own HOME is not the person's: the clients' files are under `home`.
  env = {
    ...keyring.env,
    HOME: home,
    PATH: `${CLIENT_BIN}:${EXTRA_CLIENT_BIN}:${process.env['PATH'] ?? ''}`,
  };
  serve = await startServe({ dataDir, env: keyring.env });
});
after(async () => {
  await serve.stop();
  await keyring.stop();
});

const mcpTray = (args: string[]) =>
  runCli([...args, '--port', String(serve.port), '--data-dir', dataDir], env);
/** A client's own command, run in the project folder; its output (stdout and stderr) as one text. */
async function clientSays(command: string, args: string[]): Promise<string> {
  const { stdout, stderr } = await run(command, args, {
    env,
    cwd: project,
    timeout: 90_000,
  });
  return `${stdout}\n${stderr}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('mcp-tray connect, checked by the real clients', () => {
  test('each client is written, says so, and checks the bridge the way the client runs it', async () => {
    for (const client of CLIENTS) {
      const { code, stdout, stderr } = await mcpTray(['connect', client]);
      assert.equal(code, 0, stderr);
      assert.match(
        stdout,
        /Checked: the bridge reached MCP Tray and lists \d+ tools/,
        `${client}: ${stdout}`,
      );
      assert.match(stdout, new RegExp(`Made the key "[^"]+" \\(key_`));
    }
  });

  test('Claude Code: claude mcp list says Connected', async () => {
    assert.match(await clientSays('claude', ['mcp', 'list']), /mcp-tray: .*bridge.* - ✔ Connected/);
  });

  test('Codex (the ChatGPT desktop app’s engine): its app server starts the bridge with its stripped environment and lists the tools', async () => {
    const statuses = await codexServerStatus(env, project);
    const ours = statuses.find((status) => status.name === 'mcp-tray');
    assert.equal(ours?.toolsError, null, ours?.toolsError ?? 'not listed');
    assert.ok('whoami' in ours.tools, Object.keys(ours.tools).join(', '));
    assert.match(await clientSays('codex', ['mcp', 'list']), /mcp-tray .*DBUS_SESSION_BUS_ADDRESS.* enabled/);
  });

  test('Gemini CLI: gemini mcp list says Connected', async () => {
    assert.match(await clientSays('gemini', ['mcp', 'list']), /mcp-tray: .* - Connected/);
  });

  test('opencode: opencode mcp list says connected', async () => {
    assert.match(await clientSays('opencode', ['mcp', 'list']), /✓ mcp-tray\S*\s+\S*connected/);
  });

  test('no secret is in any file the connect flow wrote, nor in its backups or records', async () => {
    const listed = await runCli(['keys', 'list', '--json', '--data-dir', dataDir], env);
    const ids = (JSON.parse(listed.stdout) as { keys: { id: string }[] }).keys.map((key) => key.id);
    assert.equal(ids.length, CLIENTS.length);
    const secrets = await Promise.all(
      ids.map(async (id) => (await runCli(['keys', 'reveal', id, '--data-dir', dataDir], env)).stdout.trim()),
    );
    for (const file of [...filesUnder(home), ...filesUnder(dataDir)]) {
      const text = readFileSync(file, 'latin1');
      for (const secret of secrets) assert.ok(!text.includes(secret), `a key is in ${file}`);
    }
  });

  test('a second connect changes nothing and says so; disconnect gives each file back and the clients no longer list it', async () => {
    for (const client of CLIENTS) {
      const again = await mcpTray(['connect', client, '--no-check']);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /already had this entry: nothing was changed/);
    }
    for (const client of CLIENTS) {
      const { code, stdout, stderr } = await mcpTray(['disconnect', client]);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /Revoked the key key_/);
      if (client !== 'claude-code')
        assert.equal(readFileSync(FILES[client]!, 'utf8'), EXISTING_CONFIGS[client]);
    }
    // Claude Code writes its own state into ~/.claude.json as it runs: only MCP Tray's entry is gone.
    const claude = JSON.parse(readFileSync(FILES['claude-code']!, 'utf8')) as { mcpServers: object };
    assert.deepEqual(Object.keys(claude.mcpServers), ['sentry']);
    assert.doesNotMatch(await clientSays('claude', ['mcp', 'list']), /mcp-tray/);
  });
});

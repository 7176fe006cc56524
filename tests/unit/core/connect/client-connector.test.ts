import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { CONNECT_CLIENTS, type ConnectClientId } from '../../../../src-shared/connect-view.ts';
import { clientSpec } from '../../../../src-main/core/connect/client-catalog.ts';
import { readEntry } from '../../../../src-main/core/connect/client-entry-edit.ts';
import { ClientConnector } from '../../../../src-main/core/connect/client-connector.ts';
import { clientFile } from '../../../../src-main/core/connect/client-files.ts';
import { KeyStore } from '../../../../src-main/core/keys/key-store.ts';
import { openSecretStore } from '../../../../src-main/core/keys/open-secret-store.ts';
import { readJsonc } from '../../../../src-main/core/connect/jsonc-edit.ts';
import { readToml } from '../../../../src-main/core/connect/toml-edit.ts';
import { commentsOf, EXISTING_CONFIGS } from '../../../support/client-configs.ts';

let root: string;
let store: KeyStore;
let connector: ClientConnector;
const place = () => ({
  platform: 'linux' as const,
  home: join(root, 'home'),
  env: {},
  projectDir: join(root, 'project'),
});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mcp-tray-connect-'));
  const dataDir = join(root, 'data');
  await mkdir(dataDir, { recursive: true });
  store = new KeyStore({ dataDir, secrets: openSecretStore('file', dataDir), userId: 'me', warn: () => {} });
  connector = new ClientConnector({
    dataDir,
    place: place(),
    keys: () => store,
    url: 'http://127.0.0.1:3210/mcp',
    bridge: { command: '/opt/MCP Tray/mcp-tray', args: ['bridge'] },
    now: Date.now,
    warn: () => {},
  });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const fileOf = (id: ConnectClientId, scope: 'user' | 'project' = 'user') => clientFile(id, scope, place())!;
async function seed(id: ConnectClientId, text = EXISTING_CONFIGS[id], scope: 'user' | 'project' = 'user') {
  const file = fileOf(id, scope);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}
const parse = (id: ConnectClientId, text: string) =>
  (clientSpec(id).format === 'toml' ? readToml(text, 'f') : readJsonc(text, 'f')) as Record<string, unknown>;
const activeKeys = async () => (await store.list()).keys.filter((key) => key.status === 'active');

describe('connecting each client to a config it already has', () => {
  for (const id of CONNECT_CLIENTS) {
    test(`${id}: preview, write, backup, twice, undo`, async () => {
      const original = EXISTING_CONFIGS[id];
      const file = await seed(id);

      const preview = await connector.connect({ client: id, dryRun: true });
      assert.equal(await readFile(file, 'utf8'), original, 'a dry run leaves the file');
      assert.deepEqual(await activeKeys(), [], 'a dry run makes no key');
      assert.match(preview.diff, /\+.*mcp-tray/);

      const done = await connector.connect({ client: id, check: false });
      const written = await readFile(file, 'utf8');
      assert.ok(done.changed && done.key?.created);
      const entry = readEntry(clientSpec(id), written, file) as Record<string, unknown>;
      assert.ok(entry !== undefined, 'MCP Tray’s entry is in the file');
      assert.ok(
        JSON.stringify(entry).includes(done.key.id) || id === 'vscode',
        'the entry names its key by id',
      );
      for (const comment of commentsOf(original)) assert.ok(written.includes(comment), `kept: ${comment}`);
      const before = parse(id, original);
      const after = parse(id, written);
      for (const [name, value] of Object.entries(before)) {
        if (Array.isArray(value))
          for (const item of value)
            assert.ok(
              (after[name] as unknown[]).some((kept) => isDeepStrictEqual(kept, item)),
              `${name} kept`,
            );
        else if (typeof value !== 'object' || value === null) assert.deepEqual(after[name], value);
        else
          for (const [inner, held] of Object.entries(value))
            assert.deepEqual((after[name] as Record<string, unknown>)[inner], held, `${name}.${inner} kept`);
      }
      assert.equal(await readFile(done.backup!, 'utf8'), original, 'the backup is the file as it was');
      const keys = await activeKeys();
      assert.deepEqual(
        keys.map((key) => [key.name, key.permissions]),
        [[clientSpec(id).title, ['tools:list', 'tools:call']]],
      );

      const again = await connector.connect({ client: id, check: false });
      assert.equal(again.changed, false);
      assert.equal(await readFile(file, 'utf8'), written, 'twice changes nothing');
      assert.equal((await activeKeys()).length, 1, 'and makes no second key');

      const undone = await connector.disconnect({ client: id });
      assert.equal(await readFile(file, 'utf8'), original, 'Undo gives the file back as it was');
      assert.equal(undone.revoked, done.key.id, 'the key made for it is revoked');
      assert.deepEqual(await activeKeys(), []);
    });
  }
});

describe('the second path', () => {
  test('Claude Code rewrote its file after MCP Tray: Undo removes only MCP Tray’s entry and keeps its changes', async () => {
    const file = await seed('claude-code');
    await connector.connect({ client: 'claude-code', check: false });
    const rewritten = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    rewritten['numStartups'] = 13;
    await writeFile(file, `${JSON.stringify(rewritten, null, 2)}\n`);
    await connector.disconnect({ client: 'claude-code' });
    const now = JSON.parse(await readFile(file, 'utf8')) as { numStartups: number; mcpServers: object };
    assert.equal(now.numStartups, 13, 'Claude Code’s own change stays');
    assert.deepEqual(Object.keys(now.mcpServers), ['sentry']);
  });

  test('a file that cannot be read is refused with where, untouched, and no key is made', async () => {
    const broken = '{\n  "mcpServers": {\n    "a": { "command": "x" }\n  \n';
    const file = await seed('cursor', broken);
    await assert.rejects(
      connector.connect({ client: 'cursor', check: false }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'config_file_unreadable');
        assert.match(error.message, /line \d+, column \d+/);
        return true;
      },
    );
    assert.equal(await readFile(file, 'utf8'), broken);
    assert.deepEqual(await activeKeys(), []);
    assert.deepEqual(
      await readdir(join(root, 'data')).then((names) => names.includes('client-backups')),
      false,
    );
  });

  test('a file that did not exist is created, and Undo removes it again', async () => {
    const file = fileOf('windsurf');
    await connector.connect({ client: 'windsurf', check: false });
    assert.ok((await readFile(file, 'utf8')).includes('"mcp-tray"'));
    await connector.disconnect({ client: 'windsurf' });
    await assert.rejects(readFile(file), { code: 'ENOENT' });
  });

  test('project scope: VS Code’s .vscode/mcp.json gets the server and its key prompt, and loses both on Undo', async () => {
    const file = await seed('vscode', EXISTING_CONFIGS.vscode, 'project');
    const done = await connector.connect({ client: 'vscode', scope: 'project', check: false });
    assert.equal(done.way, 'prompt');
    const value = readJsonc(await readFile(file, 'utf8'), file) as {
      servers: Record<string, { headers: object }>;
      inputs: { id: string; password?: boolean }[];
    };
    assert.deepEqual(value.servers['mcp-tray']!.headers, { 'X-API-Key': '${input:mcp-tray-key}' });
    assert.deepEqual(
      value.inputs.map((input) => [input.id, input.password]),
      [
        ['gh-token', true],
        ['mcp-tray-key', true],
      ],
    );
    assert.ok(
      !(await readFile(file, 'utf8')).includes(await store.reveal(done.key!.id)),
      'no key in the file',
    );
    await writeFile(file, `${await readFile(file, 'utf8')}\n`); // the person saved it since
    await connector.disconnect({ client: 'vscode', scope: 'project' });
    assert.equal((await readFile(file, 'utf8')).trimEnd(), EXISTING_CONFIGS.vscode.trimEnd());
  });

  test('the key in the file only when asked: the diff masks it, and Claude Desktop (programs only) refuses it', async () => {
    await seed('cursor');
    const done = await connector.connect({ client: 'cursor', way: 'in-file', check: false });
    const secret = await store.reveal(done.key!.id);
    assert.ok((await readFile(fileOf('cursor'), 'utf8')).includes(secret));
    assert.ok(!done.diff.includes(secret), 'the diff does not show the key');
    await assert.rejects(
      connector.connect({ client: 'claude-desktop', way: 'in-file', check: false }),
      /cannot take the key as "in-file"/,
    );
  });

  test('Codex on Linux forwards the session bus to the bridge, so it can reach the Secret Service', async () => {
    await seed('codex');
    await connector.connect({ client: 'codex', check: false });
    const table = parse('codex', await readFile(fileOf('codex'), 'utf8'))['mcp_servers'] as Record<
      string,
      Record<string, unknown>
    >;
    assert.deepEqual(table['mcp-tray']!['env_vars'], [
      'DBUS_SESSION_BUS_ADDRESS',
      'DISPLAY',
      'WAYLAND_DISPLAY',
      'XDG_RUNTIME_DIR',
    ]);
    assert.deepEqual(table['docs'], { url: 'https://docs.example.com/mcp' });
  });

  test('ChatGPT desktop and Codex share a file: the second connect changes nothing and reuses the key', async () => {
    await connector.connect({ client: 'chatgpt-desktop', check: false });
    const again = await connector.connect({ client: 'codex', check: false });
    assert.equal(again.changed, false);
    assert.equal((await activeKeys()).length, 1);
  });

  test('a key asked for by name is used as it is; one that does not exist is refused before any change', async () => {
    const { key } = await store.create({
      name: 'Work',
      permissions: ['*'],
      expiresAt: null,
      rateLimit: null,
    });
    const done = await connector.connect({ client: 'zed', key: 'Work', check: false });
    assert.deepEqual([done.key?.id, done.key?.created], [key.id, false]);
    await connector.disconnect({ client: 'zed' });
    assert.equal((await activeKeys()).length, 1, 'a key the person made is not revoked by Undo');
    await assert.rejects(connector.connect({ client: 'lm-studio', key: 'Nope', check: false }), {
      code: 'key_not_found',
    });
    await assert.rejects(readFile(fileOf('lm-studio')), { code: 'ENOENT' });
  });

  test('a preview that names the new key’s id is exactly what is written with that id', async () => {
    const id = 'key_AbCdEfGh1234';
    const preview = await connector.connect({ client: 'cursor', dryRun: true, newKeyId: id });
    assert.match(preview.diff, new RegExp(id));
    const done = await connector.connect({ client: 'cursor', newKeyId: id, check: false });
    assert.equal(done.key?.id, id);
    assert.equal(done.diff, preview.diff, 'the same change as the preview showed');
    // A client that asks for the key: the preview has no secret to show yet, and still names the id.
    const asking = await connector.connect({ client: 'vscode', dryRun: true, newKeyId: 'key_VsCode123456' });
    assert.equal(asking.key?.id, 'key_VsCode123456');
    await assert.rejects(
      store.create({ name: 'Again', permissions: ['*'], id, expiresAt: null, rateLimit: null }),
      /cannot be a new key's id: it is taken/,
    );
  });

  test('MCP Tray’s record lost (a new data folder): VS Code’s entry gets a key that Undo knows, and Undo still gives the file back', async () => {
    const file = await seed('vscode');
    await connector.connect({ client: 'vscode', check: false });
    await rm(join(root, 'data', 'connections.json'));
    const again = await connector.connect({ client: 'vscode', check: false });
    assert.deepEqual([again.changed, again.key?.created], [false, true]);
    const undone = await connector.disconnect({ client: 'vscode' });
    assert.equal(undone.revoked, again.key?.id);
    assert.equal(await readFile(file, 'utf8'), EXISTING_CONFIGS.vscode);
  });
});

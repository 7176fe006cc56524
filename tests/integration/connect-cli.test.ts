import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { EXISTING_CONFIGS } from '../support/client-configs.ts';
import { runCli } from '../support/serve-process.ts';

// The connect commands as typed: what a dry run leaves alone, what is refused and how, what revoking offers.
function place() {
  const root = mkdtempSync(join(tmpdir(), 'mcp-tray-connect-cli-'));
  const home = join(root, 'home');
  const dataDir = join(root, 'data');
  const cli = (args: string[]) =>
    runCli([...args, '--data-dir', dataDir, '--secret-store', 'file'], { HOME: home, MCP_API_KEYS: '' });
  return { root, home, dataDir, cli };
}
const keyCount = async (cli: (args: string[]) => ReturnType<typeof runCli>) =>
  (JSON.parse((await cli(['keys', 'list', '--json'])).stdout) as { keys: unknown[] }).keys.length;

describe('mcp-tray connect on the command line', () => {
  test('a dry run prints the diff and changes nothing, keys included', async () => {
    const { home, cli } = place();
    const file = join(home, '.cursor', 'mcp.json');
    mkdirSync(join(home, '.cursor'), { recursive: true });
    writeFileSync(file, EXISTING_CONFIGS.cursor);
    const { code, stdout } = await cli(['connect', 'cursor', '--dry-run']);
    assert.equal(code, 0);
    assert.match(stdout, /^\+.*"mcp-tray": \{ "command": /m);
    assert.match(stdout, /Dry run: nothing was changed, no key was made/);
    assert.equal(readFileSync(file, 'utf8'), EXISTING_CONFIGS.cursor);
    assert.equal(await keyCount(cli), 0);
  });

  test('a file it cannot read is refused with where (exit 2), and nothing is made', async () => {
    const { home, cli } = place();
    const file = join(home, '.gemini', 'settings.json');
    mkdirSync(join(home, '.gemini'), { recursive: true });
    writeFileSync(file, '{ "mcpServers": { "a": } }');
    const { code, stderr } = await cli(['connect', 'gemini', '--no-check']);
    assert.equal(code, 2);
    assert.match(
      stderr,
      /settings\.json cannot be read as JSON at line 1, column 24 .* Nothing was changed\./,
    );
    assert.equal(readFileSync(file, 'utf8'), '{ "mcpServers": { "a": } }');
    assert.equal(await keyCount(cli), 0);
  });

  test('an unknown client, or a scope the client lacks, is refused with what it takes', async () => {
    const { cli } = place();
    const unknown = await cli(['connect', 'notepad']);
    assert.equal(unknown.code, 2);
    assert.match(
      unknown.stderr,
      /"notepad" is not a client MCP Tray connects: one of chatgpt-desktop, codex/,
    );
    const scope = await cli(['connect', 'claude-desktop', '--scope', 'project']);
    assert.equal(scope.code, 2);
    assert.match(scope.stderr, /Claude Desktop has no project config; use --scope user/);
  });

  test('project scope goes in --project; revoking its key says which client still names it', async () => {
    const { root, cli } = place();
    const project = join(root, 'app');
    mkdirSync(project);
    const made = await cli([
      'connect',
      'claude-code',
      '--scope',
      'project',
      '--project',
      project,
      '--no-check',
      '--json',
    ]);
    assert.equal(made.code, 0, made.stderr);
    const outcome = JSON.parse(made.stdout) as { file: string; key: { id: string } };
    assert.equal(outcome.file, join(project, '.mcp.json'));
    const revoked = await cli(['keys', 'revoke', outcome.key.id]);
    assert.match(
      revoked.stdout,
      /Claude Code still names it in .*\.mcp\.json; take MCP Tray out of it with: mcp-tray disconnect claude-code --scope project/,
    );
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURE_UPSTREAM, serverList, servers } from '../support/gateway-helpers.ts';
import { runCli } from '../support/serve-process.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'mcp-tray-servers-cli-'));

describe('mcp-tray servers on bad input: exit 2, a message that says what to do, never a stack', () => {
  const dataDir = folder();
  const cases: [string, string[], RegExp][] = [
    [
      'a bad name',
      ['add', 'My Server', '--', 'node'],
      /"My Server" is not a server name: use 1 to 32 lower-case/,
    ],
    ['no command', ['add', 'empty'], /needs the server's command after --, or --url/],
    [
      'a bad URL',
      ['add', 'web', '--url', 'ftp://example.com/mcp'],
      /not the URL of an MCP server; give its Streamable HTTP endpoint/,
    ],
    [
      'a bad env item',
      ['add', 'env', '--env', 'NOVALUE', '--', 'node'],
      /"NOVALUE" is not of the form --env NAME=value/,
    ],
    [
      'a bad header',
      ['add', 'hdr', '--url', 'https://example.com/mcp', '--header', 'Bad Header: x'],
      /is not an HTTP header name/,
    ],
    [
      'both prefixes',
      ['add', 'p', '--prefix', 'a', '--no-prefix', '--', 'node'],
      /--prefix P or --no-prefix, not both/,
    ],
    ['an unknown server', ['remove', 'nobody'], /No server is named "nobody"/],
    ['an unknown command', ['frobnicate'], /Unknown servers command "frobnicate"/],
  ];
  for (const [what, args, message] of cases) {
    test(what, async () => {
      const at = args.indexOf('--');
      const cli =
        at < 0
          ? [...args, '--data-dir', dataDir]
          : [...args.slice(0, at), '--data-dir', dataDir, ...args.slice(at)];
      const result = await runCli(['servers', ...cli]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack');
    });
  }

  test('a duplicate name is refused and the first server is kept as it was', async () => {
    const dir = folder();
    await servers(dir, ['add', 'twin', '--', ...FIXTURE_UPSTREAM]);
    const before = readFileSync(join(dir, 'servers.json'), 'utf8');
    const result = await runCli(['servers', 'add', 'twin', '--data-dir', dir, '--', 'other']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /A server named "twin" exists already/);
    assert.equal(readFileSync(join(dir, 'servers.json'), 'utf8'), before);
  });
});

test('servers add keeps secret values out of servers.json, and a relative command is made absolute', async () => {
  const dir = folder();
  const out = await servers(dir, [
    'add',
    'gh',
    '--secret-store',
    'file',
    '--env',
    'GITHUB_TOKEN=ghp_abc',
    '--env',
    'LOG=debug',
    '--secret-env',
    'SESSION=xyz',
    '--no-prefix',
    '--no-check',
    '--',
    './bin/server',
    '--stdio',
  ]);
  assert.match(out, /Added "gh".*offered as their own names/);
  const entry = JSON.parse(readFileSync(join(dir, 'servers.json'), 'utf8')).servers[0];
  assert.deepEqual(entry.env, { LOG: 'debug' });
  assert.deepEqual(entry.secretEnv.sort(), ['GITHUB_TOKEN', 'SESSION']);
  assert.equal(entry.prefix, null);
  assert.equal(entry.command, join(process.cwd(), 'bin', 'server'));
  assert.doesNotMatch(readFileSync(join(dir, 'servers.json'), 'utf8'), /ghp_abc|xyz/);
  const secrets = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'));
  assert.equal(
    Object.values(secrets).includes('ghp_abc'),
    true,
    'the file store (its explicit mode) holds them',
  );
  assert.deepEqual(
    (await serverList(dir)).map((v) => [v.name, v.state]),
    [['gh', 'stopped']],
  );
  await servers(dir, ['remove', 'gh', '--secret-store', 'file']);
  assert.deepEqual(
    Object.keys(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))),
    [],
    'remove deletes them',
  );
});

test('servers add starts the server once: its tools approved as seen, a missing command and a clash refused', async () => {
  const dir = folder();
  const added = await servers(dir, ['add', 'notes', '--', ...FIXTURE_UPSTREAM]);
  assert.match(added, /It started and offers 7 tools \(repeat, crash,/);
  const [notes] = JSON.parse(readFileSync(join(dir, 'servers.json'), 'utf8')).servers;
  assert.deepEqual(Object.keys(notes.approvedTools).sort(), [
    'ask_roots',
    'crash',
    'env',
    'repeat',
    'slow',
    'spawn_child',
    'wait_for_cancel',
  ]);
  assert.equal(notes.approvedTools.repeat.description, 'Repeats the text it is given.');

  const before = readFileSync(join(dir, 'servers.json'), 'utf8');
  const missing = await runCli([
    'servers',
    'add',
    'ghost',
    '--data-dir',
    dir,
    '--secret-store',
    'file',
    '--secret-env',
    'TOKEN=t0ps3cret',
    '--',
    'no-such-mcp-server-command',
  ]);
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(
    missing.stderr,
    /"ghost" cannot start: the command "no-such-mcp-server-command" was not found/,
  );

  const clash = await runCli([
    'servers',
    'add',
    'copy',
    '--prefix',
    'notes',
    '--data-dir',
    dir,
    '--',
    ...FIXTURE_UPSTREAM,
  ]);
  assert.equal(clash.code, 2, clash.stderr);
  assert.match(clash.stderr, /"copy" would offer notes__repeat, which the server "notes" offers already/);
  assert.match(clash.stderr, /--prefix P/);
  assert.equal(readFileSync(join(dir, 'servers.json'), 'utf8').includes('"ghost"'), false);
  assert.equal(readFileSync(join(dir, 'servers.json'), 'utf8'), before, 'nothing was written');
  assert.doesNotMatch(
    (() => {
      try {
        return readFileSync(join(dir, 'secrets.json'), 'utf8');
      } catch {
        return '';
      }
    })(),
    /t0ps3cret/,
    'a refused server leaves no secret behind',
  );

  const broken = await servers(dir, [
    'add',
    'broken',
    '--',
    process.execPath,
    '-e',
    'console.error("no config");process.exit(4)',
  ]);
  assert.match(broken, /did not start just now: it exited with code 4 \(it said: no config\)\. It is kept/);
});

test('servers import: a preview with --dry-run that changes nothing, then the servers added, the client’s file untouched', async () => {
  const dir = folder();
  const cursorFile = join(dir, 'cursor-mcp.json');
  const config = `{
  // Cursor's servers
  "mcpServers": {
    "Fixture": { "command": ${JSON.stringify(FIXTURE_UPSTREAM[0])}, "args": ${JSON.stringify(FIXTURE_UPSTREAM.slice(1))}, "env": { "FIXTURE_API_KEY": "k-secret-1" } },
    "web": { "url": "https://mcp.example.com/mcp" }
  }
}`;
  writeFileSync(cursorFile, config);
  const importCursor = () =>
    servers(dir, ['import', '--from', 'cursor', '--file', cursorFile, '--secret-store', 'file']);
  const preview = await servers(dir, ['import', '--from', 'cursor', '--file', cursorFile, '--dry-run']);
  assert.match(
    preview,
    /add fixture \(was "Fixture"\): .*fixture-upstream\.ts; to the secret store: FIXTURE_API_KEY/,
  );
  assert.match(preview, /add web: https:\/\/mcp\.example\.com\/mcp/);
  assert.match(preview, /Dry run: nothing was changed/);
  assert.deepEqual(await serverList(dir), []);

  const added = await importCursor();
  assert.match(added, /Added 2 servers; .*cursor-mcp\.json was not changed/);
  assert.deepEqual(
    (await serverList(dir)).map((v) => v.name),
    ['fixture', 'web'],
  );
  assert.doesNotMatch(readFileSync(join(dir, 'servers.json'), 'utf8'), /k-secret-1/);
  assert.equal(readFileSync(cursorFile, 'utf8'), config);

  const again = await importCursor();
  assert.match(again, /skip Fixture: a server named "fixture" exists already/);
  assert.match(again, /nothing to add/);

  const unknown = await runCli(['servers', 'import', '--from', 'notepad', '--data-dir', dir]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /one of claude-desktop, claude-code, cursor, vscode, codex, not "notepad"/);
  writeFileSync(cursorFile, '{"mcpServers": {');
  const broken = await runCli([
    'servers',
    'import',
    '--from',
    'cursor',
    '--file',
    cursorFile,
    '--data-dir',
    dir,
  ]);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /cursor-mcp\.json cannot be read: .* on line 1/);
});

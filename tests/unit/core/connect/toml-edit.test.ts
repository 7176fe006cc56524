import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readToml, removeTomlTable, setTomlTable } from '../../../../src-main/core/connect/toml-edit.ts';

const PATH = ['mcp_servers', 'mcp-tray'];
const TABLE = { url: 'http://127.0.0.1:3210/mcp', bearer_token_env_var: 'MCP_TRAY_KEY' };
const CODEX = [
  '# Codex config',
  'model = "gpt-5"',
  '',
  '[mcp_servers.docs]',
  'command = "npx" # the docs server',
  'args = ["-y", "docs-mcp"]',
  '',
  '# profiles below',
  '[profiles.fast]',
  'model = "gpt-5-mini"',
  '',
].join('\n');

describe('editing a TOML config: only MCP Tray’s table changes', () => {
  test('added at the end, everything before it byte for byte; removed, the file is as it was', () => {
    const written = setTomlTable(CODEX, 'config.toml', PATH, TABLE);
    assert.equal(
      written,
      `${CODEX}\n[mcp_servers.mcp-tray]\nurl = "http://127.0.0.1:3210/mcp"\nbearer_token_env_var = "MCP_TRAY_KEY"\n`,
    );
    assert.equal(setTomlTable(written, 'config.toml', PATH, TABLE), written, 'twice changes nothing');
    assert.equal(removeTomlTable(written, 'config.toml', PATH), CODEX);
  });

  test('an existing table (quoted name, with a sub-table) is replaced where it is; the comment after it stays', () => {
    const before = [
      '[mcp_servers."mcp-tray"]',
      'url = "old"',
      '',
      '[mcp_servers."mcp-tray".env]',
      'A = "b"',
      '',
      '# about docs',
      '[mcp_servers.docs]',
      'command = "x"',
      '',
    ].join('\n');
    const after = setTomlTable(before, 'config.toml', PATH, { ...TABLE, http_headers: { 'X-Api-Key': 'k' } });
    assert.equal(
      after,
      [
        '[mcp_servers.mcp-tray]',
        'url = "http://127.0.0.1:3210/mcp"',
        'bearer_token_env_var = "MCP_TRAY_KEY"',
        'http_headers = { X-Api-Key = "k" }',
        '',
        '# about docs',
        '[mcp_servers.docs]',
        'command = "x"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(readToml(removeTomlTable(before, 'config.toml', PATH), 'config.toml'), {
      mcp_servers: { docs: { command: 'x' } },
    });
  });

  test('a header-like line inside a multi-line string is not a table', () => {
    const before = 'notes = """\n[mcp_servers.mcp-tray]\n"""\n';
    const after = setTomlTable(before, 'config.toml', PATH, TABLE);
    assert.ok(after.startsWith(before), after);
    assert.equal(readToml(after, 'config.toml')['notes'], '[mcp_servers.mcp-tray]\n');
  });

  test('a file that is not TOML, or that defines the entry inline, is refused and nothing is written', () => {
    assert.throws(
      () => setTomlTable('model = \n', 'config.toml', PATH, TABLE),
      (error: Error & { code?: string }) =>
        error.code === 'config_file_unreadable' && /config\.toml .*line 1/.test(error.message),
    );
    assert.throws(
      () => setTomlTable('[mcp_servers]\nmcp-tray = { url = "x" }\n', 'config.toml', PATH, TABLE),
      (error: Error & { code?: string }) =>
        error.code === 'config_edit_refused' && /inline table/.test(error.message),
    );
  });

  test('an empty file gets just the table', () => {
    assert.deepEqual(readToml(setTomlTable('', 'config.toml', PATH, TABLE), 'config.toml'), {
      mcp_servers: { 'mcp-tray': TABLE },
    });
  });
});

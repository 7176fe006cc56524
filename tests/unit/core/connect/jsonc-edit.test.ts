import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readJsonc, removeJsonc, setJsonc } from '../../../../src-main/core/connect/jsonc-edit.ts';

const ENTRY = { type: 'http', url: 'http://127.0.0.1:3210/mcp' };

describe('editing a JSON or JSONC config: only MCP Tray’s member changes', () => {
  test('adding beside a compact neighbour with a comment leaves the neighbour and its comment as they were', () => {
    const before = [
      '{',
      '  // my servers',
      '  "servers": {',
      '    "other": {"type": "stdio", "command": "x"} // compact',
      '  },',
      '  "inputs": []',
      '}',
      '',
    ].join('\n');
    const after = setJsonc(before, 'mcp.json', ['servers', 'mcp-tray'], ENTRY);
    assert.equal(
      after,
      [
        '{',
        '  // my servers',
        '  "servers": {',
        '    "other": {"type": "stdio", "command": "x"}, // compact',
        '    "mcp-tray": {',
        '      "type": "http",',
        '      "url": "http://127.0.0.1:3210/mcp"',
        '    }',
        '  },',
        '  "inputs": []',
        '}',
        '',
      ].join('\n'),
    );
    assert.equal(setJsonc(after, 'mcp.json', ['servers', 'mcp-tray'], ENTRY), after, 'twice changes nothing');
  });

  test('removing the first member keeps the comment before the next one, and the next one as it was', () => {
    const before = [
      '{',
      '  "mcpServers": {',
      '    "mcp-tray": { "url": "u" },',
      '    // the next one is mine',
      '    "mine": { "command": "y" }',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.equal(
      removeJsonc(before, 'mcp.json', ['mcpServers', 'mcp-tray']),
      [
        '{',
        '  "mcpServers": {',
        '    // the next one is mine',
        '    "mine": { "command": "y" }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('removing the last member takes the comma before it and its own comment, not a trailing comma after', () => {
    const before = [
      '{',
      '  "mcpServers": {',
      '    "mine": { "command": "y" },',
      '    "mcp-tray": { "url": "u" } // MCP Tray',
      '  },',
      '}',
      '',
    ].join('\n');
    assert.equal(
      removeJsonc(before, 'mcp.json', ['mcpServers', 'mcp-tray']),
      ['{', '  "mcpServers": {', '    "mine": { "command": "y" }', '  },', '}', ''].join('\n'),
    );
  });

  test('a write then a removal gives the file back as it was', () => {
    const before = '{\n\t"theme": "dark", /* kept */\n\t"mcpServers": {\n\t\t"a": {"command": "a"}\n\t}\n}\n';
    const written = setJsonc(before, 'settings.json', ['mcpServers', 'mcp-tray'], ENTRY);
    assert.match(written, /\n\t\t"mcp-tray": \{\n\t\t\t"type": "http",/, 'the file’s own tabs are used');
    assert.equal(removeJsonc(written, 'settings.json', ['mcpServers', 'mcp-tray']), before);
  });

  test('objects are made where the path does not exist yet; an empty file becomes an object', () => {
    const made = setJsonc('{\n  "theme": "dark"\n}\n', 'settings.json', ['mcpServers', 'mcp-tray'], ENTRY);
    assert.deepEqual(readJsonc(made, 'settings.json'), { theme: 'dark', mcpServers: { 'mcp-tray': ENTRY } });
    assert.deepEqual(readJsonc(setJsonc('', 'new.json', ['servers', 'x'], 1), 'new.json'), {
      servers: { x: 1 },
    });
  });

  test('a one-line file stays on one line', () => {
    assert.equal(
      setJsonc('{"a": {"x": 1}}', 'one.json', ['a', 'mcp-tray'], { url: 'u' }),
      '{"a": {"x": 1, "mcp-tray": { "url": "u" }}}',
    );
  });

  test('an existing entry is replaced in place, its neighbours untouched', () => {
    const before = '{\n  "s": {\n    "mcp-tray": {"url": "old"},\n    "b": {"url":   "b"}\n  }\n}\n';
    assert.equal(
      setJsonc(before, 'x.json', ['s', 'mcp-tray'], { url: 'new' }),
      '{\n  "s": {\n    "mcp-tray": {\n      "url": "new"\n    },\n    "b": {"url":   "b"}\n  }\n}\n',
    );
  });

  test('a file that is not JSON is refused with where it breaks, and so is a path through a non-object', () => {
    assert.throws(
      () => setJsonc('{\n  "a": 1,\n  "b": \n}', 'broken.json', ['x'], 1),
      (error: Error & { code?: string }) =>
        error.code === 'config_file_unreadable' && /broken\.json .* line 4, column 1/.test(error.message),
    );
    assert.throws(
      () => setJsonc('{"servers": []}', 'x.json', ['servers', 'mcp-tray'], 1),
      (error: Error & { code?: string }) => error.code === 'config_edit_refused',
    );
    assert.throws(() => setJsonc('[1]', 'x.json', ['a'], 1), /not an object/);
  });

  test('removing what is not there changes nothing', () => {
    const text = '{\n  // nothing of ours\n  "a": 1\n}\n';
    assert.equal(removeJsonc(text, 'x.json', ['mcpServers', 'mcp-tray']), text);
  });
});

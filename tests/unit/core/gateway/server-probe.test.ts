import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServerEntry } from '../../../../src-main/core/gateway/server-entry.ts';
import { clashes } from '../../../../src-main/core/gateway/server-probe.ts';

const entry = (name: string, prefix: string | null, tools: string[] = []): ServerEntry => ({
  name,
  prefix,
  enabled: true,
  addedAt: '2026-12-01T00:00:00.000Z',
  kind: 'stdio',
  command: 'node',
  args: [],
  env: {},
  secretEnv: [],
  approvedTools: Object.fromEntries(tools.map((tool) => [tool, { description: '', inputSchema: {} }])),
});
const tool = (name: string) => ({ name, inputSchema: { type: 'object' as const } });

describe('clashes: the names a new server must not take', () => {
  const others = [entry('files', null, ['read_file']), entry('git', 'git', ['status'])];
  test('a built-in name, or another server’s approved tool under the same public name', () => {
    assert.deepEqual(
      clashes(entry('mine', null), [tool('whoami'), tool('read_file'), tool('other')], others, ['whoami']),
      [
        { tool: 'whoami', as: 'whoami', owner: 'MCP Tray’s built-in tool' },
        { tool: 'read_file', as: 'read_file', owner: 'the server "files"' },
      ],
    );
    assert.deepEqual(clashes(entry('mine', 'git'), [tool('status')], others, [])[0]?.as, 'git__status');
  });
  test('its own prefix keeps it apart', () => {
    assert.deepEqual(
      clashes(entry('mine', 'mine'), [tool('read_file'), tool('status'), tool('whoami')], others, ['whoami']),
      [],
    );
  });
});

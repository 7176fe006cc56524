import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requiredPermissions } from '../../../../src-main/core/mcp/required-permission.ts';

describe('the permission an MCP message needs', () => {
  test('tools/list needs tools:list; tools/call needs the tool', () => {
    assert.deepEqual(requiredPermissions({ method: 'tools/list' }), ['tools:list']);
    assert.deepEqual(requiredPermissions({ method: 'tools/call', params: { name: 'whoami' } }), [
      'tools:call:whoami',
    ]);
  });

  test('listening for a list’s changes needs what listing it needs; listening for nothing needs only a key', () => {
    const listen = (notifications: object) => ({ method: 'subscriptions/listen', params: { notifications } });
    assert.deepEqual(requiredPermissions(listen({ toolsListChanged: true })), ['tools:list']);
    assert.deepEqual(requiredPermissions(listen({ toolsListChanged: false })), []);
    assert.deepEqual(requiredPermissions({ method: 'subscriptions/listen' }), []);
    assert.deepEqual(
      requiredPermissions(
        listen({ promptsListChanged: true, resourcesListChanged: true, resourceSubscriptions: ['demo://a'] }),
      ),
      ['prompts:list', 'resources:list', 'resources:read'],
    );
  });

  test('resources and prompts need their own permissions; prompts/get names the prompt', () => {
    for (const [method, permission] of [
      ['resources/list', 'resources:list'],
      ['resources/templates/list', 'resources:list'],
      ['resources/read', 'resources:read'],
      ['prompts/list', 'prompts:list'],
    ] as const) {
      assert.deepEqual(requiredPermissions({ method, params: {} }), [permission], method);
    }
    assert.deepEqual(requiredPermissions({ method: 'prompts/get', params: { name: 'git__review' } }), [
      'prompts:get:git__review',
    ]);
    // An inherited name is no method of ours: it needs nothing, and is answered "method not found".
    assert.deepEqual(requiredPermissions({ method: 'constructor' }), []);
  });

  test('a tools/call without a name needs a permission nobody is granted by name', () => {
    assert.deepEqual(requiredPermissions({ method: 'tools/call' }), ['tools:call:']);
  });

  test('handshake, ping and notifications need only a valid key', () => {
    for (const method of ['initialize', 'server/discover', 'ping', 'notifications/initialized']) {
      assert.deepEqual(requiredPermissions({ method }), [], method);
    }
    assert.deepEqual(requiredPermissions(undefined), []);
  });

  test('every message of a batch is checked', () => {
    assert.deepEqual(
      requiredPermissions([
        { method: 'ping' },
        { method: 'tools/call', params: { name: 'a' } },
        { method: 'tools/list' },
      ]),
      ['tools:call:a', 'tools:list'],
    );
  });
});

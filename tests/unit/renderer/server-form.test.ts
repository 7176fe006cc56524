import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EMPTY_SERVER_FORM,
  serverInput,
  ServerFormProblem,
} from '../../../src-renderer/src/view/server-form.ts';

const form = {
  ...EMPTY_SERVER_FORM,
  name: 'files',
  command: 'npx',
  args: '-y\n@modelcontextprotocol/server-filesystem\n/Users/ada/My Notes\n',
};

test('a command server: arguments one per line (spaces kept), env and secret env by line', () => {
  assert.deepEqual(serverInput({ ...form, env: 'LOG=debug\n\n', secretEnv: 'TOKEN=a=b' }), {
    name: 'files',
    command: 'npx',
    args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/ada/My Notes'],
    env: { LOG: 'debug' },
    secretEnv: { TOKEN: 'a=b' },
  });
});

test('a URL server with headers; the prefix as chosen', () => {
  const remote = {
    ...form,
    kind: 'remote' as const,
    url: 'https://mcp.example.com/mcp',
    secretHeaders: 'Authorization: Bearer x',
  };
  assert.deepEqual(serverInput({ ...remote, prefix: 'ex' }), {
    name: 'files',
    prefix: 'ex',
    url: 'https://mcp.example.com/mcp',
    headers: {},
    secretHeaders: { Authorization: 'Bearer x' },
  });
  assert.equal(serverInput({ ...remote, ownNames: true, prefix: 'ignored' }).prefix, null);
});

test('what the server would refuse is named by its field', () => {
  const field = (f: typeof form) => {
    try {
      serverInput(f);
    } catch (e) {
      return e instanceof ServerFormProblem ? e.field : 'not a form problem';
    }
    return 'accepted';
  };
  assert.equal(field({ ...form, name: 'Files' }), 'name');
  assert.equal(field({ ...form, command: ' ' }), 'command');
  assert.equal(field({ ...form, env: 'NOVALUE' }), 'env');
  assert.equal(field({ ...form, kind: 'remote', url: 'mcp.example.com' }), 'url');
  assert.equal(field({ ...form, kind: 'remote', url: 'https://x/mcp', headers: 'no colon' }), 'headers');
});

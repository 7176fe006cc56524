import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FULL_KEY, serveDuringTests } from '../support/serve-process.ts';
import { rawRequest } from '../support/raw-http.ts';

const server = serveDuringTests({ args: ['--allow-host', 'tunnel.example'] });

const status = (key: string, host?: string) =>
  rawRequest(server().port, {
    path: '/mcp/status',
    headers: { 'x-api-key': key, ...(host !== undefined && { host }) },
  });

describe('failed-auth lockout', () => {
  test('guessing through a tunnel locks out the tunnel, not this computer’s own clients', async () => {
    const tunnel = `tunnel.example:${server().port}`;
    for (let i = 0; i < 20; i += 1)
      assert.equal((await status(`mcp_sk_remote_${i}_00000000000000000000000`, tunnel)).status, 401);
    await status('mcp_sk_remote_21_00000000000000000000000', tunnel);
    assert.equal((await status(FULL_KEY, tunnel)).status, 429, 'the tunnel side, good key or not');
    assert.equal((await status(FULL_KEY)).status, 200, 'a local client with its key still works');
  });

  test('20 bad keys in a minute are answered 401; the 21st locks the address out, good key or not', async () => {
    for (let i = 0; i < 20; i += 1) {
      assert.equal((await status(`mcp_sk_guess_${i}_000000000000000000000000`)).status, 401);
    }
    assert.equal((await status(FULL_KEY)).status, 200, 'still fine after 20');
    assert.equal((await status('mcp_sk_guess_21_00000000000000000000000')).status, 401);
    const locked = await status(FULL_KEY);
    assert.equal(locked.status, 429);
    assert.equal((locked.json() as { error: string }).error, 'too_many_failed_attempts');
    const wait = Number(locked.headers['retry-after']);
    assert.ok(wait > 60 && wait <= 300, String(wait));
  });

  test('the lockout covers MCP itself, while /healthz keeps answering', async () => {
    const mcp = await rawRequest(server().port, {
      method: 'POST',
      path: '/mcp',
      headers: { 'x-api-key': FULL_KEY, 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    });
    assert.equal(mcp.status, 429);
    assert.equal((await rawRequest(server().port, { path: '/healthz' })).status, 200);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FULL_KEY, serveDuringTests, startServe } from '../support/serve-process.ts';
import { JSON_RPC_HEADERS, rawRequest } from '../support/raw-http.ts';

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

  test('through the public URL, each internet client is counted by the address the tunnel saw', async () => {
    const serve = await startServe({ args: ['--public-url', 'https://tray.example.com'] });
    try {
      // The public host serves /mcp alone (no /mcp/status): a ping through it, as a connector would send.
      const through = (key: string, headers: Record<string, string>) =>
        rawRequest(serve.port, {
          method: 'POST',
          path: '/mcp',
          headers: { ...JSON_RPC_HEADERS, 'x-api-key': key, host: 'tray.example.com', ...headers },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
        });
      const guesser = { 'cf-connecting-ip': '203.0.113.5', 'x-forwarded-for': '203.0.113.5' };
      for (let i = 0; i < 21; i += 1) await through(`mcp_sk_guess_${i}_000000000000000000000000`, guesser);
      assert.equal((await through(FULL_KEY, guesser)).status, 429, 'the guesser is locked out');
      // Another client of the tunnel (its own address as the edge saw it: the last X-Forwarded-For entry,
      // whatever it claims before it) is still served.
      const other = { 'x-forwarded-for': '203.0.113.5, 198.51.100.7' };
      assert.equal((await through(FULL_KEY, other)).status, 200, 'ChatGPT is not locked out by a guesser');
      const local = await rawRequest(serve.port, { path: '/mcp/status', headers: { 'x-api-key': FULL_KEY } });
      assert.equal(local.status, 200, 'nor is this computer');
    } finally {
      await serve.stop();
    }
  });
});

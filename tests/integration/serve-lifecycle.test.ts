import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { execFile } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { promisify } from 'node:util';
import { CLI, CLI_NODE_FLAGS, FULL_KEY, runCli, startServe } from '../support/serve-process.ts';

const NO_STACK = /^\s+at /m;

describe('mcp-tray serve', () => {
  test('the built bin runs through its shebang (node flags included), as an installed bin does', async () => {
    chmodSync(CLI, 0o755);
    const { stdout } = await promisify(execFile)(CLI, ['--version']);
    assert.match(stdout, /^\d+\.\d+\.\d+\n$/);
    assert.ok(CLI_NODE_FLAGS.length > 0, 'tests run the CLI with the flags its shebang names');
  });

  test('prints exactly one line on stdout when listening: the MCP URL', async () => {
    const server = await startServe();
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    assert.equal(await server.stop(), 0);
  });

  test('a port in use: exit code 2, a message naming the port, its holder and a free port, no stack', async () => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    // The port after it is taken too, so a suggestion of "the next one" would be wrong.
    const next = createServer();
    next.listen(port + 1, '127.0.0.1');
    await once(next, 'listening').catch(() => {});
    try {
      const result = await runCli(['serve', '--port', String(port), '--data-dir', '/tmp/mcp-tray-port-test']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(result.stderr, new RegExp(`by node\\b[^(]*\\(pid ${process.pid}\\)`), 'names the program');
      assert.doesNotMatch(result.stderr, /MainThread/);
      const suggested = Number(/(\d+) is free: --port \1/.exec(result.stderr)?.[1]);
      assert.ok(suggested > port + 1, `suggests a port that is free, not ${port + 1}: ${result.stderr}`);
      const probe = createServer().listen(suggested, '127.0.0.1');
      await once(probe, 'listening');
      probe.close();
      assert.doesNotMatch(result.stderr, NO_STACK);
      assert.equal(result.stdout, '');
    } finally {
      blocker.close();
      next.close();
    }
  });

  test('SIGTERM lets a request in flight finish, then exits 0', async () => {
    const server = await startServe();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'whoami' } });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/mcp',
          agent: false,
          headers: {
            'x-api-key': FULL_KEY,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // Half the body now, SIGTERM, then the rest: the request is in flight while the server is told to stop.
      req.write(body.slice(0, 20));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(20)), 300);
      }, 200);
    });
    const [code] = (await once(server.child, 'exit')) as [number | null];
    const { status, text } = await response;
    assert.equal(status, 200);
    assert.match(text, /Full Access/);
    assert.equal(code, 0);
    assert.match(server.stderr(), /SIGTERM received/);
  });

  test('--host 0.0.0.0 without --allow-lan refuses to start', async () => {
    const result = await runCli([
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--data-dir',
      '/tmp/mcp-tray-lan',
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--allow-lan/);
    assert.doesNotMatch(result.stderr, NO_STACK);
  });

  test('--host 0.0.0.0 --allow-lan starts and still answers loopback clients', async () => {
    const server = await startServe({ args: ['--host', '0.0.0.0', '--allow-lan'] });
    const res = await fetch(`${server.origin}/healthz`);
    assert.deepEqual(await res.json(), { ok: true });
    assert.equal(await server.stop(), 0);
  });

  test('a malformed MCP_API_KEYS refuses to start, naming the entry and field but never the key', async () => {
    const secret = 'mcp_secret_that_must_not_leak_0123456789';
    const result = await runCli(['serve', '--port', '0', '--data-dir', '/tmp/mcp-tray-keys'], {
      MCP_API_KEYS: JSON.stringify({
        [secret]: { name: 'Cursor', userId: 'me', role: 'user', permissions: ['root'] },
      }),
    });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /MCP_API_KEYS/);
    assert.match(result.stderr, /entry "Cursor"/);
    assert.match(result.stderr, /"permissions"/);
    assert.ok(!result.stderr.includes(secret));
    assert.doesNotMatch(result.stderr, NO_STACK);
  });

  test('the query-key form can be turned off', async () => {
    const server = await startServe({ args: ['--no-query-key'] });
    const viaQuery = await fetch(`${server.origin}/mcp/status?api_key=${FULL_KEY}`);
    assert.equal(viaQuery.status, 401);
    const viaHeader = await fetch(`${server.origin}/mcp/status`, { headers: { 'x-api-key': FULL_KEY } });
    assert.equal(viaHeader.status, 200);
    await server.stop();
  });
});

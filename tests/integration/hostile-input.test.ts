import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { FULL_KEY, serveDuringTests } from '../support/serve-process.ts';
import { JSON_RPC_HEADERS, rawRequest, rpcPayload } from '../support/raw-http.ts';

const server = serveDuringTests({ args: ['--allow-origin', 'http://localhost:6274'] });

const toolsList = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

function post(body: string, headers: Record<string, string> = {}) {
  return rawRequest(server().port, {
    method: 'POST',
    path: '/mcp',
    headers: { ...JSON_RPC_HEADERS, ...headers },
    body,
  });
}

/** Sends `text` as it is over a socket and resolves with the status line's code and the raw answer. */
function rawSocket(text: string): Promise<{ status: number; answer: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server().port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1]), answer }));
    socket.on('error', reject);
  });
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('hostile input', () => {
  test('JSON nested 1,000 to 100,000 levels, in both eras and inside tool arguments: 400 with a JSON-RPC error', async () => {
    for (const depth of [1_000, 5_000, 20_000, 100_000]) {
      const bodies = [
        nested(depth),
        `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"whoami","arguments":{"x":${nested(depth)}}}}`,
      ];
      for (const body of bodies) {
        for (const era of ['2025-11-25', '2026-07-28']) {
          const res = await post(body, { 'x-api-key': FULL_KEY, 'mcp-protocol-version': era });
          assert.equal(res.status, 400, `depth ${depth}, ${era}: ${res.body.slice(0, 200)}`);
          const payload = rpcPayload(res.body);
          assert.equal(payload.error?.code, -32600);
          assert.match(payload.error?.message ?? '', /nests more than 64 levels/);
        }
      }
    }
    // Everything else still works afterwards, and moderately nested arguments are served.
    const fine = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"whoami","arguments":{"x":${nested(40)}}}}`;
    assert.equal((await post(fine, { 'x-api-key': FULL_KEY })).status, 200);
  });

  test('two Host headers: 400, whichever comes first', async () => {
    const port = server().port;
    for (const hosts of [
      [`127.0.0.1:${port}`, 'evil.example'],
      ['evil.example', `127.0.0.1:${port}`],
    ]) {
      const { status, answer } = await rawSocket(
        `GET /healthz HTTP/1.1\r\nHost: ${hosts[0]}\r\nHost: ${hosts[1]}\r\nConnection: close\r\n\r\n`,
      );
      assert.equal(status, 400, answer);
      assert.match(answer, /more than one Host header/);
    }
  });

  test('an Origin that is allowed only once normalized is refused, not echoed back as sent', async () => {
    for (const origin of ['http://localhost:6274/path', 'HTTP://LOCALHOST:6274', 'http://localhost:6274/']) {
      const res = await post(toolsList, { 'x-api-key': FULL_KEY, origin });
      assert.equal(res.status, 403, origin);
      assert.equal(res.headers['access-control-allow-origin'], undefined);
    }
    const res = await post(toolsList, { 'x-api-key': FULL_KEY, origin: 'http://localhost:6274' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], 'http://localhost:6274');
  });

  test('an absolute-form request target (as proxies send) is served as its path, in both eras; its host is checked', async () => {
    const port = server().port;
    const modern = JSON.stringify({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/list',
      params: {
        _meta: {
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientCapabilities': {},
          'io.modelcontextprotocol/clientInfo': { name: 'absolute-form', version: '1' },
        },
      },
    });
    for (const [body, era] of [
      [toolsList, '2025-11-25'],
      [modern, '2026-07-28'],
    ] as const) {
      const res = await rawRequest(port, {
        method: 'POST',
        path: `http://127.0.0.1:${port}/mcp`,
        headers: {
          ...JSON_RPC_HEADERS,
          'x-api-key': FULL_KEY,
          'mcp-protocol-version': era,
          ...(era === '2026-07-28' && { 'mcp-method': 'tools/list' }),
        },
        body,
      });
      assert.equal(res.status, 200, `${era}: ${res.body}`);
      assert.ok(Array.isArray((rpcPayload(res.body).result as { tools?: unknown[] }).tools), era);
    }
    const foreign = await rawRequest(port, {
      method: 'POST',
      path: 'http://evil.example/mcp',
      headers: { ...JSON_RPC_HEADERS, 'x-api-key': FULL_KEY, host: `127.0.0.1:${port}` },
      body: toolsList,
    });
    assert.equal(foreign.status, 403, 'the target’s host is the one checked, not the Host header');
    const odd = await rawSocket(
      `GET ftp://127.0.0.1:${port}/healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    assert.equal(odd.status, 400);
  });
});

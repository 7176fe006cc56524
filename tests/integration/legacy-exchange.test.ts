import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FULL_KEY, SECOND_FULL_KEY, serveDuringTests } from '../support/serve-process.ts';
import { JSON_RPC_HEADERS, rawRequest, rpcPayload } from '../support/raw-http.ts';

const server = serveDuringTests();

function post(body: unknown, headers: Record<string, string> = {}) {
  return rawRequest(server().port, {
    method: 'POST',
    path: '/mcp',
    headers: { ...JSON_RPC_HEADERS, 'x-api-key': FULL_KEY, ...headers },
    body: JSON.stringify(body),
  });
}

const whoami = (id: number | string) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name: 'whoami' },
});

function keyNameOf(body: string): string {
  const result = rpcPayload(body).result as { structuredContent: { keyName: string } };
  return result.structuredContent.keyName;
}

describe('2025-era requests on the shared server', () => {
  test('many concurrent callers using the same request id each get their own answer', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? FULL_KEY : SECOND_FULL_KEY));
    const responses = await Promise.all(keys.map((key) => post(whoami(7), { 'x-api-key': key })));
    responses.forEach((res, i) => {
      assert.equal(res.status, 200);
      assert.equal(JSON.parse(res.body).id, 7, 'the client’s own id comes back');
      assert.equal(keyNameOf(res.body), i % 2 === 0 ? 'Full Access' : 'Second Full');
    });
  });

  test('string ids come back unchanged', async () => {
    const res = await post(whoami('abc-1'));
    assert.equal(JSON.parse(res.body).id, 'abc-1');
  });

  test('a notification is accepted with 202 and no body', async () => {
    const res = await post({ jsonrpc: '2.0', method: 'notifications/initialized' });
    assert.equal(res.status, 202);
    assert.equal(res.body, '');
  });

  test('a batch is answered in order', async () => {
    const res = await post([whoami(1), { jsonrpc: '2.0', id: 2, method: 'ping' }]);
    assert.equal(res.status, 200);
    const answers = JSON.parse(res.body) as { id: number }[];
    assert.deepEqual(
      answers.map((answer) => answer.id),
      [1, 2],
    );
  });

  test('GET and DELETE get 405: this endpoint keeps no sessions', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await rawRequest(server().port, {
        method,
        path: '/mcp',
        headers: { 'x-api-key': FULL_KEY },
      });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers['allow'], 'POST');
    }
  });

  test('an unsupported MCP-Protocol-Version header gets 400 naming the supported ones', async () => {
    const res = await post(whoami(1), { 'mcp-protocol-version': '1999-01-01' });
    assert.equal(res.status, 400);
    assert.match(res.body, /Unsupported protocol version: 1999-01-01.*2025-11-25/);
  });

  test('a body that is JSON but not JSON-RPC gets 400 with a JSON-RPC error', async () => {
    for (const body of [{ hello: 'world' }, [{ hello: 'world' }], 42]) {
      const res = await post(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const error = (JSON.parse(res.body) as { error: { code: number } }).error;
      assert.ok([-32600, -32700].includes(error.code), res.body);
    }
  });

  test('a client that accepts only text/html gets 406', async () => {
    const res = await post(whoami(1), { accept: 'text/html' });
    assert.equal(res.status, 406);
  });

  test('initialize answers with the server’s identity and the tools capability', async () => {
    const res = await post({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    });
    const result = rpcPayload(res.body).result as { protocolVersion: string; serverInfo: { name: string } };
    assert.equal(result.protocolVersion, '2025-11-25');
    assert.equal(result.serverInfo.name, 'MCP Tray');
  });
});

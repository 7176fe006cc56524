import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FULL_KEY, SECOND_FULL_KEY, WHOAMI_KEY, serveDuringTests } from '../support/serve-process.ts';
import { rawRequest, rpcPayload } from '../support/raw-http.ts';

// Everyday 2026-07-28 requests are served on shared servers, the rest by the SDK's per-request handler.
// An `Mcp-Name` header sent in its Base64 form sends a request the SDK's way; the two must answer alike.
const server = serveDuringTests();

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'shared-serving-test', version: '1' },
};

interface Call {
  method: string;
  params: Record<string, unknown>;
  /** The value `Mcp-Name` repeats, for the methods that have one. */
  name?: string;
}

const encoded = (value: string) => `=?base64?${Buffer.from(value, 'utf8').toString('base64')}?=`;

function send(call: Call, id: number | string, { key = FULL_KEY, sdkWay = false } = {}) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2026-07-28',
    'mcp-method': call.method,
    'x-api-key': key,
  };
  if (call.name !== undefined) headers['mcp-name'] = sdkWay ? encoded(call.name) : call.name;
  const params = { ...call.params, _meta: { ...ENVELOPE } };
  return rawRequest(server().port, {
    method: 'POST',
    path: '/mcp',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id, method: call.method, params }),
  });
}

const whoami: Call = { method: 'tools/call', params: { name: 'whoami', arguments: {} }, name: 'whoami' };

describe('2026-07-28 requests on shared servers', () => {
  const cases: [string, Call][] = [
    ['a tool call', whoami],
    ['a call of a tool that does not exist', { ...whoami, params: { name: 'nope' }, name: 'nope' }],
    [
      'a call whose arguments are not an object',
      { ...whoami, params: { name: 'whoami', arguments: 'x' }, name: 'whoami' },
    ],
    ['a prompt, on a server that has none', { method: 'prompts/get', params: { name: 'p' }, name: 'p' }],
    [
      'a resource read, on a server that has none',
      { method: 'resources/read', params: { uri: 'file:///x' }, name: 'file:///x' },
    ],
  ];
  for (const [what, call] of cases) {
    test(`${what} is answered as the SDK's own handler answers it`, async () => {
      const [shared, sdk] = await Promise.all([send(call, 5), send(call, 5, { sdkWay: true })]);
      assert.equal(shared.status, sdk.status, shared.body);
      assert.deepEqual(rpcPayload(shared.body), rpcPayload(sdk.body));
    });
  }

  test('a method with no handler gets 404, as the SDK gives it', async () => {
    const res = await send({ method: 'resources/read', params: { uri: 'file:///x' }, name: 'file:///x' }, 1);
    assert.equal(res.status, 404);
    assert.equal(rpcPayload(res.body).error?.code, -32601);
  });

  test('many concurrent callers using one request id each get their own answer, from their own key', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? FULL_KEY : SECOND_FULL_KEY));
    const answers = await Promise.all(keys.map((key) => send(whoami, 7, { key })));
    answers.forEach((res, i) => {
      assert.equal(res.status, 200);
      const payload = rpcPayload(res.body) as {
        id?: number;
        result?: { structuredContent?: unknown; resultType?: string };
      };
      assert.equal(payload.id, 7);
      assert.equal(
        (payload.result?.structuredContent as { keyName: string }).keyName,
        i % 2 === 0 ? 'Full Access' : 'Second Full',
      );
      assert.equal(payload.result?.resultType, 'complete');
    });
  });

  test('a key lists only what it may use on its shared server', async () => {
    const list: Call = { method: 'tools/list', params: {} };
    const [narrow, full] = await Promise.all([send(list, 1, { key: WHOAMI_KEY }), send(list, 1)]);
    const names = (body: string) =>
      (rpcPayload(body).result?.['tools'] as { name: string }[]).map((tool) => tool.name).sort();
    assert.deepEqual(names(narrow.body), ['whoami']);
    assert.ok(names(full.body).length > 1, full.body);
  });

  test('a header that disagrees with the body is refused by the SDK, not served', async () => {
    const res = await rawRequest(server().port, {
      method: 'POST',
      path: '/mcp',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'tools/call',
        'mcp-name': 'server_status',
        'x-api-key': FULL_KEY,
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'whoami', _meta: ENVELOPE },
      }),
    });
    assert.equal(res.status, 400);
    assert.equal(rpcPayload(res.body).error?.code, -32020);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JSON_RPC_HEADERS, rawRequest } from '../support/raw-http.ts';
import { FULL_KEY, serveDuringTests } from '../support/serve-process.ts';

// /mcp reads an everyday body (a declared length, no encoding, UTF-8) itself and leaves the rest to Express's
// JSON parser (src-main/core/http/json-body.ts). The same bytes sent chunked take Express's way: every body
// must get the same answer both ways, the odd ones included.
const server = serveDuringTests();

const call = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'whoami' } });
const BODIES: [string, Buffer][] = [
  ['a tool call', Buffer.from(call)],
  [
    'a tool call after a byte-order mark',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(call)]),
  ],
  ['an empty body', Buffer.alloc(0)],
  ['only spaces', Buffer.from('   ')],
  ['JSON cut short', Buffer.from(call.slice(0, 30))],
  ['a JSON string, not an object', Buffer.from('"tools/call"')],
  [
    'invalid UTF-8 inside a string',
    Buffer.concat([
      Buffer.from(call.slice(0, -2)),
      Buffer.from(',"x":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}}'),
    ]),
  ],
];

const send = (body: Buffer, chunked: boolean, contentType = 'application/json') =>
  rawRequest(server().port, {
    method: 'POST',
    path: '/mcp',
    headers: {
      ...JSON_RPC_HEADERS,
      'content-type': contentType,
      'x-api-key': FULL_KEY,
      ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(body.length) }),
    },
    body,
  });

describe('the JSON body of /mcp, read by length or chunked', () => {
  for (const [what, body] of BODIES) {
    test(`${what}: the same answer both ways`, async () => {
      const [byLength, chunked] = await Promise.all([send(body, false), send(body, true)]);
      assert.equal(byLength.status, chunked.status, byLength.body);
      assert.equal(byLength.body, chunked.body);
      assert.ok(byLength.status < 500, byLength.body);
    });
  }

  test('a body in a charset other than UTF-8 goes to the parser of Express, which refuses it (415) as before', async () => {
    const latin1 = Buffer.from(call.replace('whoami', 'wh\u00f6ami'), 'latin1');
    const res = await send(latin1, false, 'application/json; charset=iso-8859-1');
    assert.equal(res.status, 415, res.body);
  });
});

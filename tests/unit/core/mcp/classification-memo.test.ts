import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyInboundRequest, type InboundHttpRequest } from '@modelcontextprotocol/server';
import {
  classificationMemo,
  classificationSignature,
} from '../../../../src-main/core/mcp/classification-memo.ts';
import { seededRandom } from '../../../support/seeded-random.ts';

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
const { 'io.modelcontextprotocol/clientInfo': _info, ...withoutInfo } = ENVELOPE;
const METAS = [
  undefined,
  ENVELOPE,
  { ...ENVELOPE, 'io.modelcontextprotocol/protocolVersion': '2025-11-25' },
  { ...ENVELOPE, 'io.modelcontextprotocol/protocolVersion': 7 },
  withoutInfo,
  { ...ENVELOPE, 'io.modelcontextprotocol/clientInfo': 'me' },
  { ...ENVELOPE, 'io.modelcontextprotocol/clientCapabilities': [] },
  { ...ENVELOPE, extra: true },
  { progressToken: 'p' },
  { progressToken: { no: 1 } },
  { 'io.modelcontextprotocol/related-task': { taskId: 3 } },
  'not an object',
];
const PARAMS = [
  { name: 'whoami', arguments: {} },
  'none',
  {},
  { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
  { name: 'whoami', arguments: { a: 1 }, cursor: 'c' },
  'text',
  [],
];
const METHODS = ['tools/call', 'tools/list', 'ping', 'initialize', 'server/discover', 'resources/read'];
const IDS = [1, 'a', 2.5, -0, 2 ** 60, null, 'none'];
const VERSIONS = ['2026-07-28', '2025-11-25', undefined, ' 2026-07-28 ', 'bogus'];

/** A request made of the pieces above, the first of each list (the everyday one) the likeliest. */
function generated(random: () => number): InboundHttpRequest {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() ** 2 * values.length)] as T;
  const method = pick(METHODS);
  const id = pick(IDS);
  const params = pick(PARAMS);
  const meta = pick(METAS);
  const withMeta =
    typeof params === 'object' && !Array.isArray(params) && meta !== undefined
      ? { ...params, _meta: meta }
      : params;
  const body = {
    jsonrpc: random() < 0.9 ? '2.0' : '1.0',
    ...(id !== 'none' && { id }),
    method,
    ...(withMeta !== 'none' && { params: withMeta }),
    ...(random() < 0.05 && { result: {} }),
  };
  const methodHeader = pick([method, undefined, 'tools/list']);
  return {
    httpMethod: random() < 0.95 ? 'POST' : 'GET',
    protocolVersionHeader: pick(VERSIONS),
    ...(methodHeader !== undefined && { mcpMethodHeader: methodHeader }),
    ...(random() < 0.5 && { mcpNameHeader: 'whoami' }),
    body: random() < 0.03 ? [body] : body,
  };
}

test('the remembered outcomes are the SDK’s for every request, seen before or not', () => {
  const seed = Number(process.env['MEMO_SEED'] ?? Date.now() % 1_000_000);
  const random = seededRandom(seed);
  let classified = 0;
  const memo = classificationMemo((request) => {
    classified += 1;
    return classifyInboundRequest(request);
  });
  const REQUESTS = 4000;
  const routed = new Set<string>();
  let plainRouted = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const request = generated(random);
    const expected = classifyInboundRequest(request);
    assert.deepEqual(memo(request), expected, `seed ${seed}, request ${i}: ${JSON.stringify(request)}`);
    const signature = classificationSignature(request);
    if (signature !== undefined && expected.kind !== 'reject') {
      plainRouted += 1;
      routed.add(signature);
    }
  }
  // A plain request that was routed is classified by the SDK once per signature; every repeat is remembered.
  console.log(
    `seed ${seed}: ${plainRouted} plain routed requests, ${routed.size} signatures, SDK ran ${classified} times`,
  );
  assert.ok(plainRouted > 300 && routed.size < 256, `seed ${seed}: the generator no longer makes repeats`);
  assert.equal(REQUESTS - classified, plainRouted - routed.size, `seed ${seed}`);
});

test('a routed modern request carries its own message, not the first one seen', () => {
  const memo = classificationMemo();
  const request = (id: number) => ({
    httpMethod: 'POST',
    protocolVersionHeader: '2026-07-28',
    mcpMethodHeader: 'tools/call',
    body: {
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'whoami', arguments: { n: id }, _meta: ENVELOPE },
    },
  });
  memo(request(1));
  const second = memo(request(2));
  assert.equal(second.kind, 'modern');
  assert.deepEqual(second.kind === 'modern' && second.message, request(2).body);
});

test('only the plain shape has a signature, and the id and the arguments are not part of it', () => {
  const body = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'a', arguments: { x: 1 } } };
  const at = (changed: object) =>
    classificationSignature({ httpMethod: 'POST', body: { ...body, ...changed } });
  assert.equal(at({ id: 'other', params: { name: 'b', arguments: {} } }), at({}));
  assert.notEqual(at({ params: { name: 'a', _meta: { progressToken: 1 } } }), at({}));
  assert.equal(at({ method: 'initialize' }), undefined);
  assert.equal(at({ id: 1.5 }), undefined);
  assert.equal(at({ error: {} }), undefined);
  assert.equal(at({ params: { _meta: { big: 'x'.repeat(5000) } } }), undefined);
  assert.equal(classificationSignature({ httpMethod: 'GET', body }), undefined);
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { EMPTY_OFFER } from '../../../../src-main/core/mcp/caller-offer.ts';
import { directRequest, type Era } from '../../../../src-main/core/mcp/direct-tools.ts';
import { listed } from '../../../../src-main/core/mcp/listed-definition.ts';
import { defineTool } from '../../../../src-main/core/tools/tool-provider.ts';

const tool = (name: string, direct: boolean) =>
  defineTool({
    name,
    description: name,
    inputSchema: z.object({}),
    ...(direct && { direct: true as const }),
    call: async () => ({ content: [] }),
  });
const whoami = tool('whoami', true);
const upstream = tool('upstream_tool', false);
const offer = { ...EMPTY_OFFER, tools: [whoami, upstream] };
const directOnly = { ...EMPTY_OFFER, tools: [whoami] };

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
const callBody = (params: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params,
  ...extra,
});
const metaOf = (era: Era) => (era === 'modern' ? { _meta: ENVELOPE } : {});

describe('which requests the lean path answers', () => {
  for (const era of ['legacy', 'modern'] as const) {
    test(`${era}: a plain call of a direct tool, with its arguments`, () => {
      const taken = directRequest(
        callBody({ name: 'whoami', arguments: { a: 1 }, ...metaOf(era) }),
        offer,
        era,
      );
      assert.equal(taken?.method, 'tools/call');
      assert.equal(taken?.method === 'tools/call' && taken.tool, whoami);
      assert.deepEqual(taken?.method === 'tools/call' && taken.args, { a: 1 });
      assert.equal(
        directRequest({ ...callBody({ name: 'whoami', ...metaOf(era) }), id: 'x' }, offer, era)?.id,
        'x',
      );
    });

    test(`${era}: anything more goes to the SDK`, () => {
      const meta = era === 'modern' ? ENVELOPE : {};
      const refused: [string, unknown][] = [
        ['a tool that is not direct', callBody({ name: 'upstream_tool', ...metaOf(era) })],
        ['a tool not offered', callBody({ name: 'nope', ...metaOf(era) })],
        ['a progress token', callBody({ name: 'whoami', _meta: { ...meta, progressToken: 1 } })],
        ['request state', callBody({ name: 'whoami', requestState: 's', ...metaOf(era) })],
        ['input responses', callBody({ name: 'whoami', inputResponses: {}, ...metaOf(era) })],
        ['arguments that are not an object', callBody({ name: 'whoami', arguments: [1], ...metaOf(era) })],
        ['a name that is not a string', callBody({ name: 7, ...metaOf(era) })],
        ['a fractional id', callBody({ name: 'whoami', ...metaOf(era) }, { id: 1.5 })],
        ['an id past 2^53', callBody({ name: 'whoami', ...metaOf(era) }, { id: 2 ** 60 })],
        ['no id (a notification)', callBody({ name: 'whoami', ...metaOf(era) }, { id: undefined })],
        ['another JSON-RPC version', callBody({ name: 'whoami', ...metaOf(era) }, { jsonrpc: '1.0' })],
        ['an unknown top-level member', callBody({ name: 'whoami', ...metaOf(era) }, { extra: true })],
        ['a batch', [callBody({ name: 'whoami', ...metaOf(era) })]],
        [
          'a list with a cursor',
          { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { cursor: 'c', ...metaOf(era) } },
        ],
        ['another method', { jsonrpc: '2.0', id: 1, method: 'prompts/list', params: metaOf(era) }],
      ];
      for (const [what, body] of refused) assert.equal(directRequest(body, offer, era), undefined, what);
    });

    test(`${era}: a list only when every tool offered is direct`, () => {
      const list = {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/list',
        ...(era === 'modern' && { params: metaOf(era) }),
      };
      assert.equal(directRequest(list, directOnly, era)?.method, 'tools/list');
      assert.equal(directRequest(list, offer, era), undefined);
    });
  }

  test('2026-07-28 needs its envelope and nothing else in _meta; 2025 must not claim one', () => {
    assert.equal(directRequest(callBody({ name: 'whoami' }), offer, 'modern'), undefined);
    const custom = { _meta: { ...ENVELOPE, 'com.example/trace': 'x' } };
    assert.equal(directRequest(callBody({ name: 'whoami', ...custom }), offer, 'modern'), undefined);
    assert.equal(directRequest(callBody({ name: 'whoami', _meta: ENVELOPE }), offer, 'legacy'), undefined);
    const clientsOwn = { _meta: { 'claudecode/toolUseId': 'toolu_1' } };
    assert.ok(directRequest(callBody({ name: 'whoami', ...clientsOwn }), offer, 'legacy'));
  });

  test('the flag that marks a tool direct is never listed', () => {
    assert.equal('direct' in listed(whoami), false);
    assert.equal('call' in listed(whoami), false);
  });
});

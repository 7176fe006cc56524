import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import type { JSONRPCNotification, JSONRPCRequest } from '@modelcontextprotocol/server';
import { authInfoForCaller } from '../../../../src-main/core/mcp/caller-auth-info.ts';
import { EMPTY_OFFER } from '../../../../src-main/core/mcp/caller-offer.ts';
import { ExchangeTransport } from '../../../../src-main/core/mcp/exchange-transport.ts';
import { buildMcpServer } from '../../../../src-main/core/mcp/mcp-server-factory.ts';
import { defineTool } from '../../../../src-main/core/tools/tool-provider.ts';
import type { Caller } from '../../../../src-shared/caller.ts';

const caller: Caller = {
  keyId: 'key-a',
  keyName: 'A',
  userId: 'u',
  role: 'user',
  permissions: ['*'],
  source: 'environment',
};
const extra = { authInfo: authInfoForCaller(caller) };

const failures: string[] = [];
const askRoots = defineTool({
  name: 'ask_roots',
  description: 'asks its client for roots',
  inputSchema: z.object({}),
  call: async (_args, _who, context) => {
    const answer = await context.ask({ method: 'roots/list' }).catch((error: Error) => {
      failures.push(error.message);
      return { failed: error.message };
    });
    return { content: [{ type: 'text', text: JSON.stringify(answer) }] };
  },
});

async function connected(): Promise<ExchangeTransport> {
  const transport = new ExchangeTransport();
  await buildMcpServer('1.0.0', { ...EMPTY_OFFER, tools: [askRoots] }).connect(transport);
  return transport;
}

const call = {
  jsonrpc: '2.0' as const,
  id: 7,
  method: 'tools/call',
  params: { name: 'ask_roots', arguments: {} },
};

/** Runs the call; resolves with the request it put on its stream, and the call's answer to come. */
function callAndCatchAsk(transport: ExchangeTransport) {
  let sawAsk: (request: JSONRPCRequest) => void = () => {};
  const asked = new Promise<JSONRPCRequest>((resolve) => (sawAsk = resolve));
  const stream = (message: JSONRPCNotification | JSONRPCRequest) => {
    if ('id' in message) sawAsk(message);
  };
  const answer = transport.exchange(call, extra, 'key-a', undefined, stream);
  return { asked, answer };
}

function textOf(response: unknown): string {
  return (response as { result: { content: { text: string }[] } }).result.content[0]!.text;
}

describe('ExchangeTransport: requests a server puts to the client of one exchange', () => {
  test('the request goes on that exchange’s stream; only the same key’s answer is taken', async () => {
    const transport = await connected();
    const { asked, answer } = callAndCatchAsk(transport);
    const request = await asked;
    assert.equal(request.method, 'roots/list');
    const reply = { jsonrpc: '2.0' as const, id: request.id, result: { roots: [{ uri: 'file:///a' }] } };
    assert.equal(transport.answer('key-b', reply), false, 'another key cannot answer for key-a');
    assert.equal(transport.answer('key-a', reply), true);
    assert.equal(transport.answer('key-a', reply), false, 'an answer is taken once');
    const response = await answer;
    assert.equal(response.id, 7);
    assert.deepEqual(JSON.parse(textOf(response)), { roots: [{ uri: 'file:///a' }] });
  });

  test('an exchange without a stream gets the request refused at once', async () => {
    const transport = await connected();
    const response = await transport.exchange(call, extra, 'key-a');
    assert.match(textOf(response), /cannot be carried to the client/);
  });

  test('a cancelled exchange settles the request its server put to the client', async () => {
    const transport = await connected();
    const abort = new AbortController();
    let sawAsk: () => void = () => {};
    const asked = new Promise<void>((resolve) => (sawAsk = resolve));
    const answer = transport.exchange(call, extra, 'key-a', abort.signal, (message) => {
      if ('id' in message) sawAsk();
    });
    await asked;
    failures.length = 0;
    abort.abort();
    assert.match(JSON.stringify(await answer), /cancelled/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(failures.length, 1, 'the server’s own request to the client was settled too');
  });
});

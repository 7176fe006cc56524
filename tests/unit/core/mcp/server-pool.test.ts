import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import type { JSONRPCResponse } from '@modelcontextprotocol/server';
import { authInfoForCaller } from '../../../../src-main/core/mcp/caller-auth-info.ts';
import { ServerPool } from '../../../../src-main/core/mcp/server-pool.ts';
import { EMPTY_OFFER } from '../../../../src-main/core/mcp/caller-offer.ts';
import { buildMcpServer } from '../../../../src-main/core/mcp/mcp-server-factory.ts';
import { defineTool, type ToolDefinition } from '../../../../src-main/core/tools/tool-provider.ts';
import type { Caller } from '../../../../src-shared/caller.ts';

const caller: Caller = {
  keyId: 'env:test',
  keyName: 'Test',
  userId: 'u',
  role: 'user',
  permissions: ['*'],
  source: 'environment',
};
const extra = { authInfo: authInfoForCaller(caller) };
const only = (tool: ToolDefinition) => ({ ...EMPTY_OFFER, tools: [tool] });

/** A tool that answers only when the test says so, to hold a request in flight. */
function gatedTool(name: string) {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const tool = defineTool({
    name,
    title: name,
    description: 'waits for the test',
    inputSchema: z.object({}),
    call: async (_args, who) => {
      await gate;
      return { content: [{ type: 'text', text: `${name} for ${who.keyName}` }] };
    },
  });
  return { tool, open };
}

const call = (name: string, id: number) => ({
  jsonrpc: '2.0' as const,
  id,
  method: 'tools/call',
  params: { name, arguments: {} },
});

function text(response: JSONRPCResponse): string {
  assert.ok('result' in response, JSON.stringify(response));
  return (response.result as { content: { text: string }[] }).content[0]?.text ?? '';
}

describe('the shared 2025-era servers', () => {
  test('callers allowed the same tools share one server', async () => {
    const pool = new ServerPool((offer) => buildMcpServer('1.0.0', offer));
    const { tool } = gatedTool('a');
    assert.equal(await pool.transportFor(only(tool)), await pool.transportFor(only(tool)));
    await pool.close();
  });

  test('a changed tool set gets a new server; the old one first answers what it took', async () => {
    let builds = 0;
    const pool = new ServerPool((offer) => {
      builds += 1;
      return buildMcpServer('1.0.0', offer);
    });
    const slow = gatedTool('slow');
    const before = await pool.transportFor(only(slow.tool));
    const inFlight = before.exchange(call('slow', 1), extra, 'key');

    const replacement = gatedTool('slow');
    const after = await pool.transportFor(only(replacement.tool));
    assert.notEqual(after, before);
    assert.equal(builds, 2);

    slow.open();
    assert.equal(text(await inFlight), 'slow for Test');
    await pool.close();
  });

  test('a client’s answer reaches the server that asked, after its tool set changed meanwhile', async () => {
    const asking = defineTool({
      name: 'ask',
      title: 'ask',
      description: 'asks its client for roots',
      inputSchema: z.object({}),
      call: async (_args, _who, context) => {
        const answer = await context.ask({ method: 'roots/list' });
        return { content: [{ type: 'text', text: JSON.stringify(answer) }] };
      },
    });
    const pool = new ServerPool((offer) => buildMcpServer('1.0.0', offer));
    const before = await pool.transportFor(only(asking));
    let asked: (id: string | number) => void = () => {};
    const question = new Promise<string | number>((resolve) => (asked = resolve));
    const inFlight = before.exchange(call('ask', 1), extra, 'key', undefined, (message) => {
      if ('id' in message) asked(message.id as string | number);
    });
    const id = await question;
    // The lists change while the call waits (an upstream that just started, say): a new server takes over.
    assert.notEqual(await pool.transportFor(only(gatedTool('other').tool)), before);
    const answer = { jsonrpc: '2.0' as const, id, result: { roots: [] } };
    assert.equal(pool.answer('someone else', answer), false, 'only the key that was asked may answer');
    assert.equal(pool.answer('key', answer), true);
    assert.equal(text(await inFlight), '{"roots":[]}');
    await pool.close();
  });

  test('a cancelled exchange resolves at once with a cancellation error', async () => {
    const pool = new ServerPool((offer) => buildMcpServer('1.0.0', offer));
    const slow = gatedTool('slow');
    const transport = await pool.transportFor(only(slow.tool));
    const abort = new AbortController();
    const answer = transport.exchange(call('slow', 9), extra, 'key', abort.signal);
    abort.abort();
    const response = await answer;
    assert.equal(response.id, 9);
    assert.ok('error' in response && response.error.code === -32800);
    slow.open();
    await pool.close();
  });

  test('closing the pool answers anything still pending instead of leaving it hanging', async () => {
    const pool = new ServerPool((offer) => buildMcpServer('1.0.0', offer));
    const slow = gatedTool('slow');
    const transport = await pool.transportFor(only(slow.tool));
    const answer = transport.exchange(call('slow', 3), extra, 'key');
    await pool.close();
    const response = await answer;
    assert.ok('error' in response, JSON.stringify(response));
    assert.match(response.error.message, /shutting down/);
    slow.open();
  });
});

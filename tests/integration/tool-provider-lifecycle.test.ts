import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ToolProvider, OfferChange } from '../../src-main/core/tools/tool-provider.ts';
import { echoTool as echo, serverWithProviders } from '../support/provider-server.ts';
import { FULL_KEY } from '../support/serve-process.ts';

/** A provider that starts, closes, and swaps its tools while the server runs (as a gateway will). */
function swappingProvider(log: string[]) {
  let tools = [echo('first_tool')];
  const listeners = new Set<(change: OfferChange) => void>();
  const provider: ToolProvider & { swap(): void } = {
    id: 'swapping',
    start: async () => void log.push('started'),
    close: async () => void log.push('closed'),
    tools: () => tools,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    swap() {
      tools = [echo('second_tool')];
      for (const listener of listeners) listener('tools');
    },
  };
  return provider;
}

async function toolNames(url: string, era: 'legacy' | 'modern'): Promise<string[]> {
  const headers = { 'X-API-Key': FULL_KEY };
  if (era === 'legacy') {
    const client = new LegacyClient({ name: 'lifecycle-legacy', version: '1.0.0' });
    await client.connect(new LegacyTransport(new URL(url), { requestInit: { headers } }));
    const { tools } = await client.listTools();
    await client.close();
    return tools.map((t) => t.name);
  }
  const client = new Client(
    { name: 'lifecycle-modern', version: '1.0.0' },
    { versionNegotiation: { mode: 'auto' } },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  const { tools } = await client.listTools();
  await client.close();
  return tools.map((t) => t.name);
}

test('a tool provider is started before serving, its changed tools reach the next client of either era, and it is closed on close', async () => {
  const log: string[] = [];
  const provider = swappingProvider(log);
  const server = await serverWithProviders([provider]);
  try {
    assert.deepEqual(log, ['started']);
    for (const era of ['legacy', 'modern'] as const) {
      const names = await toolNames(server.url, era);
      assert.ok(names.includes('first_tool') && names.includes('whoami'), `${era}: ${names.join(', ')}`);
    }
    provider.swap();
    for (const era of ['legacy', 'modern'] as const) {
      const names = await toolNames(server.url, era);
      assert.ok(
        names.includes('second_tool') && !names.includes('first_tool'),
        `${era}: ${names.join(', ')}`,
      );
    }
  } finally {
    await server.close();
  }
  assert.deepEqual(log, ['started', 'closed']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { ToolProvider, OfferChange } from '../../src-main/core/tools/tool-provider.ts';
import { echoTool as echo, serverWithProviders } from '../support/provider-server.ts';
import { FULL_KEY } from '../support/serve-process.ts';

test('a 2026-era client listening for tool changes is told when a provider changes its tools, and close ends its stream at once', async () => {
  let tools = [echo('first_tool')];
  const listeners = new Set<(change: OfferChange) => void>();
  const provider: ToolProvider = {
    id: 'changing',
    tools: () => tools,
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  const server = await serverWithProviders([provider]);
  const client = new Client(
    { name: 'list-changed', version: '1.0.0' },
    { versionNegotiation: { mode: 'auto' } },
  );
  try {
    await client.connect(
      new StreamableHTTPClientTransport(new URL(server.url), {
        requestInit: { headers: { 'X-API-Key': FULL_KEY } },
      }),
    );
    assert.equal(client.getServerCapabilities()?.tools?.listChanged, true);
    const told = new Promise<void>((resolve) =>
      client.setNotificationHandler('notifications/tools/list_changed', () => resolve()),
    );
    const subscription = await client.listen({ toolsListChanged: true });
    assert.equal(subscription.honoredFilter.toolsListChanged, true);
    tools = [echo('second_tool')];
    for (const listener of listeners) listener('tools');
    await told;
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    assert.ok(names.includes('second_tool') && !names.includes('first_tool'), names.join(', '));
    // The open stream must not hold the server for its whole grace period (a minute here).
    const closing = server.close(60_000);
    assert.equal(await subscription.closed, 'graceful');
    await closing;
    assert.equal(listeners.size, 0, 'the server stopped listening to the provider');
  } finally {
    await client.close().catch(() => {});
    await server.close().catch(() => {});
  }
});

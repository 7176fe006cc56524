import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { FULL_KEY, READ_ONLY_KEY, WHOAMI_KEY, serveDuringTests } from '../support/serve-process.ts';

const server = serveDuringTests();

function textOf(result: object): Record<string, unknown> {
  const [first] = (result as { content: { type: string; text: string }[] }).content;
  assert.equal(first?.type, 'text');
  return JSON.parse(first.text);
}

async function connectLegacy(key: string) {
  const client = new LegacyClient({ name: 'legacy-test', version: '1.0.0' });
  await client.connect(
    new LegacyTransport(new URL(server().url), { requestInit: { headers: { 'X-API-Key': key } } }),
  );
  return client;
}

async function connectModern(key: string) {
  const client = new Client(
    { name: 'modern-test', version: '1.0.0' },
    { versionNegotiation: { mode: 'auto' } },
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(server().url), {
      requestInit: { headers: { 'X-API-Key': key } },
    }),
  );
  return client;
}

describe('a 2025-11-25 client (SDK 1.x, initialize handshake)', () => {
  test('connects with X-API-Key, lists the tools and calls whoami', async () => {
    const client = await connectLegacy(FULL_KEY);
    assert.equal(client.getServerVersion()?.name, 'MCP Tray');
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ['server_status', 'whoami']);
    const whoami = textOf(await client.callTool({ name: 'whoami', arguments: {} }));
    assert.equal(whoami['keyName'], 'Full Access');
    assert.equal(whoami['userId'], 'owner');
    assert.equal(whoami['role'], 'admin');
    assert.deepEqual(whoami['permissions'], ['*']);
    assert.ok(!JSON.stringify(whoami).includes(FULL_KEY), 'whoami must never echo the secret');
    await client.close();
  });

  test('calls server_status and sees the key count and both protocol eras', async () => {
    const client = await connectLegacy(FULL_KEY);
    const status = textOf(await client.callTool({ name: 'server_status', arguments: {} }));
    assert.equal(status['name'], 'MCP Tray');
    assert.deepEqual(status['keys'], { count: 5 });
    const versions = status['protocolVersions'] as string[];
    assert.ok(versions.includes('2026-07-28') && versions.includes('2025-11-25'));
    await client.close();
  });
});

describe('a 2026-07-28 client (SDK v2, version negotiation auto)', () => {
  test('negotiates the modern revision, lists the tools and calls whoami', async () => {
    const client = await connectModern(FULL_KEY);
    assert.equal(client.getNegotiatedProtocolVersion(), '2026-07-28');
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ['server_status', 'whoami']);
    const whoami = textOf(await client.callTool({ name: 'whoami', arguments: {} }));
    assert.equal(whoami['keyName'], 'Full Access');
    await client.close();
  });
});

describe('tools follow the key’s permissions', () => {
  test('tools/list shows only the tools the key may call', async () => {
    const client = await connectModern(WHOAMI_KEY);
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((tool) => tool.name),
      ['whoami'],
    );
    const whoami = textOf(await client.callTool({ name: 'whoami', arguments: {} }));
    assert.equal(whoami['keyName'], 'Whoami Only');
    await client.close();
  });

  test('a key that may list but not call sees no tools and cannot call one', async () => {
    const client = await connectLegacy(READ_ONLY_KEY);
    const { tools } = await client.listTools();
    assert.deepEqual(tools, []);
    await assert.rejects(client.callTool({ name: 'whoami', arguments: {} }), /403|insufficient_permissions/);
    await client.close();
  });
});

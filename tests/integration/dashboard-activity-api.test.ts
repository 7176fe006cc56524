import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { JSON_RPC_HEADERS, rawRequest } from '../support/raw-http.ts';
import { webDashboardDuringTests } from '../support/web-dashboard-session.ts';

const web = webDashboardDuringTests();
const invoke = web.invoke;

describe('/api answers', () => {
  test('carry Cache-Control: no-store, keys.reveal above all', async () => {
    const made = (await invoke('keys.create', { name: 'Cache probe', permissions: ['*'] })).json() as {
      key: { id: string };
    };
    for (const [channel, input] of [
      ['keys.reveal', { id: made.key.id }],
      ['keys.list', {}],
      ['settings.get', {}],
    ] as const) {
      const res = await invoke(channel, input);
      assert.equal(res.status, 200, res.body);
      assert.equal(res.headers['cache-control'], 'no-store', channel);
    }
    assert.equal((await invoke('keys.delete', { id: made.key.id })).status, 200);
  });

  test('a body over the route’s limit gets 413 naming that limit (1 MiB), and deep JSON gets 400', async () => {
    const big = await invoke('keys.list', { filler: 'x'.repeat(2 * 1024 * 1024) });
    assert.equal(big.status, 413);
    assert.match((big.json() as { message: string }).message, /over the 1 MiB limit/);
    const deep = await rawRequest(web.server().port, {
      method: 'POST',
      path: '/api/invoke/keys.list',
      headers: { 'content-type': 'application/json', 'x-mcp-tray-request': '1', cookie: web.cookie() },
      body: `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    });
    assert.equal(deep.status, 400);
    assert.equal((deep.json() as { error: string }).error, 'too_deep');
  });
});

describe('Activity', () => {
  type Entry = {
    keyId: string | null;
    status: number;
    mcpMethod: string | null;
    outcome?: string;
    connectionTest?: boolean;
    userAgent: string | null;
    remoteAddress: string | null;
  };
  const entries = async (input: Record<string, unknown>) =>
    ((await invoke('activity.list', input)).json() as { entries: Entry[] }).entries;

  test('a dashboard Test is marked as one and does not count as the key’s use', async () => {
    const made = (await invoke('keys.create', { name: 'Tested only', permissions: ['*'] })).json() as {
      key: { id: string };
    };
    await sleep(2_000);
    assert.equal(((await invoke('keys.test', { id: made.key.id })).json() as { ok: boolean }).ok, true);
    const tested = await entries({ keyId: made.key.id });
    assert.ok(tested.length > 0 && tested.every((entry) => entry.connectionTest === true));
    assert.ok(tested.every((entry) => /connection test/.test(entry.userAgent ?? '')));
    // The usage file is written every 2 seconds: the test must not have reached it.
    await sleep(3_000);
    const listing = (await invoke('keys.list')).json() as {
      keys: { id: string; requestCount: number; lastUsedAt: string | null }[];
    };
    const row = listing.keys.find((key) => key.id === made.key.id);
    assert.deepEqual([row?.requestCount, row?.lastUsedAt], [0, null]);
  });

  test('the same header from a client is not taken for a test', async () => {
    const made = (await invoke('keys.create', { name: 'Sneaky', permissions: ['*'] })).json() as {
      key: { id: string };
      secret: string;
    };
    await sleep(2_000);
    await rawRequest(web.server().port, {
      method: 'POST',
      path: '/mcp',
      headers: { ...JSON_RPC_HEADERS, 'x-api-key': made.secret, 'x-mcp-tray-connection-test': 'guess' },
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    });
    const [entry] = await entries({ keyId: made.key.id });
    assert.equal(entry?.connectionTest, undefined);
  });

  test('rows carry the client and address; 503 while paused says so; a 429 keeps its MCP method', async () => {
    const made = (
      await invoke('keys.create', {
        name: 'One a minute',
        permissions: ['*'],
        rateLimit: { limit: 1, windowSeconds: 60 },
      })
    ).json() as { key: { id: string }; secret: string };
    await sleep(2_000);
    const call = () =>
      rawRequest(web.server().port, {
        method: 'POST',
        path: '/mcp',
        headers: { ...JSON_RPC_HEADERS, 'x-api-key': made.secret, 'user-agent': 'activity-test/1.0' },
        body: '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"whoami","arguments":{}}}',
      });
    assert.equal((await call()).status, 200);
    assert.equal((await call()).status, 429);
    const [limited] = await entries({ keyId: made.key.id, status: 'limited' });
    assert.deepEqual(
      [limited?.status, limited?.mcpMethod, limited?.outcome],
      [429, 'tools/call', 'rate_limited'],
    );
    assert.equal(limited?.userAgent, 'activity-test/1.0');
    assert.equal(limited?.remoteAddress, '127.0.0.1');
    const served = await entries({ keyId: made.key.id, status: 'ok' });
    assert.deepEqual(
      served.map((entry) => entry.status),
      [200],
    );

    await invoke('server.pause');
    try {
      assert.equal((await call()).status, 503);
    } finally {
      await invoke('server.resume');
    }
    const [paused] = await entries({ status: 'failed' });
    assert.deepEqual([paused?.status, paused?.outcome, paused?.keyId], [503, 'serving_paused', null]);
  });
});

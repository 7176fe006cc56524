import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { JSON_RPC_HEADERS, rawRequest } from '../support/raw-http.ts';
import { webDashboardDuringTests } from '../support/web-dashboard-session.ts';

const web = webDashboardDuringTests();
const invoke = web.invoke;

function mcpPing(key: string) {
  return rawRequest(web.server().port, {
    method: 'POST',
    path: '/mcp',
    headers: { ...JSON_RPC_HEADERS, 'x-api-key': key },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'whoami' } }),
  });
}

describe('the dashboard contract over /api', () => {
  let secret = '';
  let id = '';

  test('keys.create makes a key that works against /mcp within 2 seconds', async () => {
    const res = await invoke('keys.create', { name: 'From the browser', permissions: ['*'] });
    assert.equal(res.status, 200, res.body);
    const body = res.json() as { key: { id: string; status: string }; secret: string };
    secret = body.secret;
    id = body.key.id;
    assert.equal(body.key.status, 'active');
    await sleep(2_000);
    assert.equal((await mcpPing(secret)).status, 200);
  });

  test('pausing MCP serving gives clients 503 with a clear message; resuming serves them again', async () => {
    const paused = await invoke('server.pause');
    assert.equal((paused.json() as { state: string }).state, 'paused');
    const refused = await mcpPing(secret);
    assert.equal(refused.status, 503);
    assert.match((refused.json() as { message: string }).message, /paused in the MCP Tray dashboard/);
    await invoke('server.resume');
    assert.equal((await mcpPing(secret)).status, 200);
  });

  test('activity lists the client’s MCP calls, newest first, and events stream them live', async () => {
    const events = await fetch(`${web.server().origin}/api/events`, { headers: { cookie: web.cookie() } });
    assert.equal(events.status, 200);
    const reader = events.body?.getReader();
    await mcpPing(secret);
    let text = '';
    for (let i = 0; i < 20 && !text.includes('event: activity.added'); i += 1) {
      const chunk = await reader?.read();
      text += new TextDecoder().decode(chunk?.value);
    }
    await reader?.cancel();
    assert.match(text, /event: activity\.added\ndata: \{.*"tool":"whoami"/);
    const listed = (await invoke('activity.list', { keyId: id })).json() as {
      entries: { tool: string; status: number }[];
    };
    assert.ok(listed.entries.length >= 3, JSON.stringify(listed));
    assert.equal(listed.entries[0]?.tool, 'whoami');
    // Refused while paused, before any key was checked: listed without a key.
    const all = (await invoke('activity.list', {})).json() as {
      entries: { status: number; keyId: string | null }[];
    };
    assert.ok(all.entries.some((entry) => entry.status === 503 && entry.keyId === null));
  });

  test('keys.test connects with the key as a real MCP client and lists the tools', async () => {
    const res = await invoke('keys.test', { id });
    assert.deepEqual(res.json(), { ok: true, tools: ['whoami', 'server_status'] });
  });

  test('keys.test explains a key that may not list tools, with the fix', async () => {
    const created = (
      await invoke('keys.create', { name: 'Status only', permissions: ['status:read'] })
    ).json() as {
      key: { id: string };
    };
    await sleep(2_000);
    const res = (await invoke('keys.test', { id: created.key.id })).json() as {
      ok: boolean;
      error: { status: number; fix: string };
    };
    assert.equal(res.ok, false);
    assert.equal(res.error.status, 403, JSON.stringify(res));
    assert.match(res.error.fix, /tools:list/);
  });

  test('keys.revoke: the client gets 401 within 2 seconds', async () => {
    assert.equal((await invoke('keys.revoke', { id })).status, 200);
    await sleep(2_000);
    assert.equal((await mcpPing(secret)).status, 401);
    const tested = await invoke('keys.test', { id });
    assert.equal(tested.status, 400);
    assert.match((tested.json() as { message: string }).message, /is revoked/);
  });
});

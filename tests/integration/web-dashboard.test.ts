import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { JSON_RPC_HEADERS, rawRequest } from '../support/raw-http.ts';
import { LoginTokens } from '../../src-main/core/sessions/login-tokens.ts';
import { freePort, runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

let server: ServeProcess;
let dataDir: string;
let session = '';

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-web-'));
  server = await startServe({
    dataDir,
    args: ['--secret-store', 'file', '--allow-host', 'tunnel.example'],
    env: { MCP_API_KEYS: '' },
  });
});
after(async () => {
  await server.stop();
});

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

async function printedLoginUrl(): Promise<string> {
  for (let i = 0; i < 50 && !/\/login\?token=/.test(server.stderr()); i += 1) await sleep(20);
  const url = /(http:\/\/\S+\/login\?token=\S+)/.exec(server.stderr())?.[1];
  assert.ok(url, 'serve prints a sign-in link');
  return url;
}

/** A new browser's session cookie, through a link from `mcp-tray dashboard`. */
async function freshSession(): Promise<string> {
  const link = await runCli(['dashboard', '--port', String(server.port), '--data-dir', dataDir]);
  const login = await rawRequest(server.port, { path: pathOf(link.stdout.trim()) });
  return String(login.headers['set-cookie']).split(';')[0] ?? '';
}

function invoke(channel: string, input: unknown = {}, headers: Record<string, string> = {}) {
  return rawRequest(server.port, {
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: { 'content-type': 'application/json', 'x-mcp-tray-request': '1', cookie: session, ...headers },
    body: JSON.stringify(input),
  });
}

function mcpPing(key: string) {
  return rawRequest(server.port, {
    method: 'POST',
    path: '/mcp',
    headers: { ...JSON_RPC_HEADERS, 'x-api-key': key },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'whoami' } }),
  });
}

describe('web dashboard sign-in', () => {
  test('the link serve printed signs in once: an HttpOnly, SameSite=Strict session cookie', async () => {
    const path = pathOf(await printedLoginUrl());
    const first = await rawRequest(server.port, { path });
    assert.equal(first.status, 303);
    assert.equal(first.headers['location'], '/');
    const cookie = String(first.headers['set-cookie']);
    assert.match(cookie, /^mcp_tray_session=[\w-]+\.[\w-]+\.[\w-]+; HttpOnly; SameSite=Strict; Path=\//);
    session = cookie.split(';')[0] ?? '';
    const again = await rawRequest(server.port, { path });
    assert.equal(again.status, 303);
    assert.equal(again.headers['location'], '/?signin=expired');
    assert.equal(again.headers['set-cookie'], undefined);
  });

  test('mcp-tray dashboard prints a fresh link for the running server', async () => {
    const result = await runCli(['dashboard', '--port', String(server.port), '--data-dir', dataDir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/login\\?token=[\\w-]{12}\\.[\\w-]{43}\\n$`),
    );
    assert.equal(result.stderr, '');
    const res = await rawRequest(server.port, { path: pathOf(result.stdout.trim()) });
    assert.match(String(res.headers['set-cookie']), /^mcp_tray_session=/);
  });

  test('mcp-tray dashboard with no server on the port exits 1 within 10 s, naming the port; no link', async () => {
    const idle = await freePort();
    const started = Date.now();
    const result = await runCli(['dashboard', '--port', String(idle), '--data-dir', dataDir]);
    assert.equal(result.code, 1);
    assert.ok(Date.now() - started < 10_000);
    assert.match(
      result.stderr,
      new RegExp(`No MCP Tray server answers on port ${idle}.*mcp-tray serve --port ${idle}`),
    );
    assert.equal(result.stdout, '');
  });

  test('mcp-tray dashboard for another data folder refuses, and gives the command for that server', async () => {
    const other = mkdtempSync(join(tmpdir(), 'mcp-tray-other-'));
    const result = await runCli(['dashboard', '--port', String(server.port), '--data-dir', other]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /keeps its data in another folder than/);
    assert.ok(
      result.stderr.includes(`mcp-tray dashboard --port ${server.port} --data-dir ${dataDir}`),
      result.stderr,
    );
    assert.equal(result.stdout, '');
  });

  test('the sign-in help names this server; a link made for another data folder is not called expired', async () => {
    const help = (await rawRequest(server.port, { path: '/api/sign-in-help' })).json() as { command: string };
    assert.equal(help.command, `mcp-tray dashboard --port ${server.port} --data-dir ${dataDir}`);
    const elsewhere = await new LoginTokens(mkdtempSync(join(tmpdir(), 'mcp-tray-else-'))).issue();
    const res = await rawRequest(server.port, { path: `/login?token=${elsewhere}` });
    assert.equal(res.status, 303);
    assert.equal(res.headers['location'], '/?signin=elsewhere');
  });

  test('the API needs a session, and mutations need the CSRF header', async () => {
    const noSession = await invoke('server.status', {}, { cookie: '' });
    assert.equal(noSession.status, 401);
    assert.equal((noSession.json() as { error: string }).error, 'not_signed_in');
    const forged = await invoke(
      'server.status',
      {},
      { cookie: 'mcp_tray_session=eyJhbGciOiJFUzI1NiJ9.e30.AAAA' },
    );
    assert.equal(forged.status, 401);
    const noCsrf = await invoke('server.status', {}, { 'x-mcp-tray-request': '' });
    assert.equal(noCsrf.status, 403);
    assert.equal((noCsrf.json() as { error: string }).error, 'csrf');
    const ok = await invoke('server.status');
    assert.equal(ok.status, 200);
    assert.equal((ok.json() as { state: string }).state, 'running');
  });

  test('sign out ends this session only: a cross-site post cannot, and the old cookie stops working', async () => {
    const asOther = { cookie: await freshSession() };
    const elsewhere = { cookie: await freshSession() };
    const logout = (headers: Record<string, string>) =>
      rawRequest(server.port, { method: 'POST', path: '/logout', headers: { ...asOther, ...headers } });
    assert.equal((await logout({})).status, 403, 'without the dashboard’s header (a form on another site)');
    assert.equal((await invoke('server.status', {}, asOther)).status, 200, 'still signed in');
    const out = await invoke('account.signOut', {}, asOther);
    assert.equal(out.status, 200);
    assert.match(String(out.headers['set-cookie']), /^mcp_tray_session=; .*Max-Age=0/);
    assert.deepEqual((out.json() as { account: unknown }).account, null);
    assert.equal((await invoke('server.status', {}, asOther)).status, 401, 'a kept copy is refused');
    assert.equal((await invoke('server.status', {}, elsewhere)).status, 200, 'another browser stays in');
    assert.equal((await logout({ 'x-mcp-tray-request': '1', cookie: '' })).status, 204);
  });

  test('an open event stream ends with its session and carries nothing after it', async () => {
    const other = { cookie: await freshSession() };
    const owner = { cookie: await freshSession() };
    const stream = await fetch(`${server.origin}/api/events`, { headers: other });
    assert.equal(stream.status, 200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const readAll = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += Buffer.from(value).toString();
      }
    })();
    assert.equal((await invoke('account.signOut', {}, other)).status, 200);
    assert.equal((await invoke('server.pause', {}, owner)).status, 200, 'an event for open dashboards');
    assert.equal((await invoke('server.resume', {}, owner)).status, 200);
    const timeout = sleep(5_000).then(() => 'open');
    const outcome = await Promise.race([readAll.then(() => 'closed'), timeout]);
    await reader.cancel().catch(() => {}); // a stream left open would keep this test file from ending
    assert.equal(outcome, 'closed');
    assert.match(text, /event: account\.changed\ndata: \{"account":null,"providers":\[\]\}/);
    assert.doesNotMatch(text, /server\.status|paused/, 'nothing after the session ended');
  });

  test('bad input and unknown channels are refused with a reason', async () => {
    const bad = await invoke('keys.create', { name: '', permissions: [] });
    assert.equal(bad.status, 400);
    assert.equal((bad.json() as { error: string }).error, 'invalid_input');
    // In plain words, with the field's name: never the schema library's wording.
    for (const [channel, input, said] of [
      ['keys.create', { name: 'x'.repeat(101), permissions: ['*'] }, 'Name: at most 100 characters.'],
      ['keys.create', { name: ' ', permissions: ['*'] }, 'Name: cannot be empty.'],
      [
        'keys.create',
        { name: 'Fast', permissions: ['*'], rateLimit: { limit: 99_999_999_999, windowSeconds: 60 } },
        'Rate limit: at most 1,000,000.',
      ],
      ['settings.update', { port: 80 }, 'Port: at least 1024.'],
      ['keys.create', { name: 'X', permissions: 'all' }, 'Permissions: must be a list.'],
    ] as const) {
      const res = await invoke(channel, input);
      assert.equal(res.status, 400, channel);
      const message = (res.json() as { message: string }).message;
      assert.equal(message, said);
      assert.doesNotMatch(message, /Too big|expected|<=/);
    }
    assert.equal((await invoke('keys.steal')).status, 404);
  });

  test('the dashboard answers only on loopback host names, not on a tunnel host', async () => {
    const viaTunnel = await rawRequest(server.port, {
      path: '/',
      headers: { host: `tunnel.example:${server.port}` },
    });
    assert.equal(viaTunnel.status, 404);
    const page = await rawRequest(server.port, { path: '/' });
    assert.equal(page.status, 200);
    assert.match(page.body, /<div id="root">/);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  });
});

describe('settings over /api', () => {
  test('read what the server runs with', async () => {
    const view = (await invoke('settings.get')).json() as Record<string, unknown>;
    assert.match(String(view['secretsIn']), /secrets\.json/);
    assert.deepEqual(
      { ...view, dataDir: undefined, secretsIn: undefined },
      {
        port: server.port,
        runningPort: server.port,
        publicBaseUrl: null,
        allowQueryKey: true,
        restartNeeded: false,
        dataDir: undefined,
        secretsIn: undefined,
      },
    );
  });

  test('turning query-string keys off takes effect at once', async () => {
    const secret = (
      (await invoke('keys.create', { name: 'Query', permissions: ['*'] })).json() as { secret: string }
    ).secret;
    await sleep(2_000);
    assert.equal((await rawRequest(server.port, { path: `/mcp/status?api_key=${secret}` })).status, 200);
    await invoke('settings.update', { allowQueryKey: false });
    assert.equal((await rawRequest(server.port, { path: `/mcp/status?api_key=${secret}` })).status, 401);
    await invoke('settings.update', { allowQueryKey: true });
  });

  test('a public URL must be https; once set, configs use it and its host is answered (not the dashboard)', async () => {
    const plain = await invoke('settings.update', { publicBaseUrl: 'http://tray.example.com' });
    assert.equal(plain.status, 400);
    assert.match((plain.json() as { message: string }).message, /must start with https/);
    const withPath = await invoke('settings.update', { publicBaseUrl: 'https://tray.example.com/some/path' });
    assert.equal(withPath.status, 400);
    assert.match((withPath.json() as { message: string }).message, /no path/);
    const saved = (await invoke('settings.update', { publicBaseUrl: 'https://Tray.Example.com' })).json() as {
      publicBaseUrl: string;
    };
    assert.equal(saved.publicBaseUrl, 'https://tray.example.com');
    const info = (await invoke('app.info')).json() as { publicMcpUrl: string };
    assert.equal(info.publicMcpUrl, 'https://tray.example.com/mcp');
    const viaTunnel = { host: 'tray.example.com' };
    assert.equal((await rawRequest(server.port, { path: '/healthz', headers: viaTunnel })).status, 200);
    assert.equal((await rawRequest(server.port, { path: '/', headers: viaTunnel })).status, 404);
    await invoke('settings.update', { publicBaseUrl: null });
    assert.equal((await rawRequest(server.port, { path: '/healthz', headers: viaTunnel })).status, 403);
    assert.equal(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).publicBaseUrl, undefined);
  });

  test('a public URL on this computer is refused, and no URL ever stops 127.0.0.1 from being answered', async () => {
    const loopback = await invoke('settings.update', { publicBaseUrl: `https://127.0.0.1:${server.port}` });
    assert.equal(loopback.status, 400);
    assert.match((loopback.json() as { message: string }).message, /is this computer/);
    await invoke('settings.update', { publicBaseUrl: `http://localhost:${server.port}` });
    await invoke('settings.update', { publicBaseUrl: 'https://other.example.com' });
    await invoke('settings.update', { publicBaseUrl: null });
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      assert.equal(
        (await rawRequest(server.port, { path: '/healthz', headers: { host } })).status,
        200,
        host,
      );
    }
  });

  test('a new port is checked to be free, saved, and waits for a restart', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const taken = (blocker.address() as AddressInfo).port;
    const refused = await invoke('settings.update', { port: taken });
    assert.equal(refused.status, 400);
    assert.match(
      (refused.json() as { message: string }).message,
      new RegExp(`port ${taken} is in use by .*pid ${process.pid}`),
    );
    blocker.close();
    await once(blocker, 'close');
    const view = (await invoke('settings.update', { port: taken })).json() as {
      port: number;
      restartNeeded: boolean;
    };
    assert.deepEqual([view.port, view.restartNeeded], [taken, true]);
    assert.equal(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).port, taken);
  });
});

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
    const events = await fetch(`${server.origin}/api/events`, { headers: { cookie: session } });
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
    const deep = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/invoke/keys.list',
      headers: { 'content-type': 'application/json', 'x-mcp-tray-request': '1', cookie: session },
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
    await rawRequest(server.port, {
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
      rawRequest(server.port, {
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

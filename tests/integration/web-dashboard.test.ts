import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { rawRequest } from '../support/raw-http.ts';
import { LoginTokens } from '../../src-main/core/sessions/login-tokens.ts';
import { freePort, runCli } from '../support/serve-process.ts';
import { pathOf, webDashboardDuringTests } from '../support/web-dashboard-session.ts';

const web = webDashboardDuringTests(['--allow-host', 'tunnel.example']);
const { freshSession, invoke } = web;

async function printedLoginUrl(): Promise<string> {
  for (let i = 0; i < 50 && !/\/login\?token=/.test(web.server().stderr()); i += 1) await sleep(20);
  const url = /(http:\/\/\S+\/login\?token=\S+)/.exec(web.server().stderr())?.[1];
  assert.ok(url, 'serve prints a sign-in link');
  return url;
}

describe('web dashboard sign-in', () => {
  test('the link serve printed signs in once: an HttpOnly, SameSite=Strict session cookie', async () => {
    const path = pathOf(await printedLoginUrl());
    const first = await rawRequest(web.server().port, { path });
    assert.equal(first.status, 303);
    assert.equal(first.headers['location'], '/');
    const cookie = String(first.headers['set-cookie']);
    assert.match(cookie, /^mcp_tray_session=[\w-]+\.[\w-]+\.[\w-]+; HttpOnly; SameSite=Strict; Path=\//);
    web.useSession(cookie.split(';')[0] ?? '');
    const again = await rawRequest(web.server().port, { path });
    assert.equal(again.status, 303);
    assert.equal(again.headers['location'], '/?signin=expired');
    assert.equal(again.headers['set-cookie'], undefined);
  });

  test('mcp-tray dashboard prints a fresh link for the running server', async () => {
    const result = await runCli([
      'dashboard',
      '--port',
      String(web.server().port),
      '--data-dir',
      web.dataDir(),
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      new RegExp(`^http://127\\.0\\.0\\.1:${web.server().port}/login\\?token=[\\w-]{12}\\.[\\w-]{43}\\n$`),
    );
    assert.equal(result.stderr, '');
    const res = await rawRequest(web.server().port, { path: pathOf(result.stdout.trim()) });
    assert.match(String(res.headers['set-cookie']), /^mcp_tray_session=/);
  });

  test('mcp-tray dashboard with no server on the port exits 1 within 10 s, naming the port; no link', async () => {
    const idle = await freePort();
    const started = Date.now();
    const result = await runCli(['dashboard', '--port', String(idle), '--data-dir', web.dataDir()]);
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
    const result = await runCli(['dashboard', '--port', String(web.server().port), '--data-dir', other]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /keeps its data in another folder than/);
    assert.ok(
      result.stderr.includes(`mcp-tray dashboard --port ${web.server().port} --data-dir ${web.dataDir()}`),
      result.stderr,
    );
    assert.equal(result.stdout, '');
  });

  test('the sign-in help names this server; a link made for another data folder is not called expired', async () => {
    const help = (await rawRequest(web.server().port, { path: '/api/sign-in-help' })).json() as {
      command: string;
    };
    assert.equal(help.command, `mcp-tray dashboard --port ${web.server().port} --data-dir ${web.dataDir()}`);
    const elsewhere = await new LoginTokens(mkdtempSync(join(tmpdir(), 'mcp-tray-else-'))).issue();
    const res = await rawRequest(web.server().port, { path: `/login?token=${elsewhere}` });
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
      rawRequest(web.server().port, { method: 'POST', path: '/logout', headers: { ...asOther, ...headers } });
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
    const stream = await fetch(`${web.server().origin}/api/events`, { headers: other });
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
    const viaTunnel = await rawRequest(web.server().port, {
      path: '/',
      headers: { host: `tunnel.example:${web.server().port}` },
    });
    assert.equal(viaTunnel.status, 404);
    const page = await rawRequest(web.server().port, { path: '/' });
    assert.equal(page.status, 200);
    assert.match(page.body, /<div id="root">/);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  });
});

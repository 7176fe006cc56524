import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { rawRequest } from '../support/raw-http.ts';
import { webDashboardDuringTests } from '../support/web-dashboard-session.ts';

const web = webDashboardDuringTests();
const invoke = web.invoke;

describe('settings over /api', () => {
  test('read what the server runs with', async () => {
    const view = (await invoke('settings.get')).json() as Record<string, unknown>;
    assert.match(String(view['secretsIn']), /secrets\.json/);
    assert.deepEqual(
      { ...view, dataDir: undefined, secretsIn: undefined },
      {
        port: web.server().port,
        runningPort: web.server().port,
        publicBaseUrl: null,
        allowQueryKey: true,
        oauthLocal: false,
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
    assert.equal(
      (await rawRequest(web.server().port, { path: `/mcp/status?api_key=${secret}` })).status,
      200,
    );
    await invoke('settings.update', { allowQueryKey: false });
    assert.equal(
      (await rawRequest(web.server().port, { path: `/mcp/status?api_key=${secret}` })).status,
      401,
    );
    await invoke('settings.update', { allowQueryKey: true });
  });

  test('OAuth for local clients turns the authorization server on for loopback names, live, and off again', async () => {
    const origin = `http://127.0.0.1:${web.server().port}`;
    const prm = () => fetch(`${origin}/.well-known/oauth-protected-resource/mcp`);
    assert.equal((await prm()).status, 404);
    assert.equal((await invoke('settings.update', { oauthLocal: true })).status, 200);
    const on = await prm();
    assert.equal(on.status, 200);
    assert.equal(((await on.json()) as { resource: string }).resource, `${origin}/mcp`);
    const challenge = (await fetch(`${origin}/mcp`, { method: 'POST' })).headers.get('www-authenticate');
    assert.match(String(challenge), /resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known/);
    await invoke('settings.update', { oauthLocal: false });
    assert.equal((await prm()).status, 404);
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
    assert.equal((await rawRequest(web.server().port, { path: '/healthz', headers: viaTunnel })).status, 200);
    assert.equal((await rawRequest(web.server().port, { path: '/', headers: viaTunnel })).status, 404);
    await invoke('settings.update', { publicBaseUrl: null });
    assert.equal((await rawRequest(web.server().port, { path: '/healthz', headers: viaTunnel })).status, 403);
    assert.equal(
      JSON.parse(readFileSync(join(web.dataDir(), 'settings.json'), 'utf8')).publicBaseUrl,
      undefined,
    );
  });

  test('a public URL on this computer is refused, and no URL ever stops 127.0.0.1 from being answered', async () => {
    const loopback = await invoke('settings.update', {
      publicBaseUrl: `https://127.0.0.1:${web.server().port}`,
    });
    assert.equal(loopback.status, 400);
    assert.match((loopback.json() as { message: string }).message, /is this computer/);
    await invoke('settings.update', { publicBaseUrl: `http://localhost:${web.server().port}` });
    await invoke('settings.update', { publicBaseUrl: 'https://other.example.com' });
    await invoke('settings.update', { publicBaseUrl: null });
    for (const host of [`127.0.0.1:${web.server().port}`, `localhost:${web.server().port}`]) {
      assert.equal(
        (await rawRequest(web.server().port, { path: '/healthz', headers: { host } })).status,
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
    assert.equal(JSON.parse(readFileSync(join(web.dataDir(), 'settings.json'), 'utf8')).port, taken);
  });
});

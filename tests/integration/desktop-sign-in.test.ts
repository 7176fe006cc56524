import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { AccountView } from '../../src-shared/dashboard-contract.ts';
import { streamLogger } from '../../src-main/core/logger.ts';
import { startServer, type RunningServer } from '../../src-main/core/server/start-server.ts';
import { resolveServerConfig } from '../../src-main/core/server/server-config.ts';
import { trayModel } from '../../src-main/core/tray/tray-model.ts';
import { launchChromium } from '../support/browser.ts';
import { startGitHubProvider } from '../support/github-provider.ts';

/**
 * The desktop app's side of sign-in, through the same core the app runs (only Electron is left out): the
 * contract opens the provider's page in "the system browser" (Chromium here), learns who signed in from the
 * account.changed event, and signs out everywhere.
 */
const CLIENT = { clientId: 'Iv1.desktop', clientSecret: 'desktop-client-secret-0123456789' };
let provider: Awaited<ReturnType<typeof startGitHubProvider>>;
let server: RunningServer;
let browser: Browser;
const opened: string[] = [];
const events: AccountView[] = [];

before(async () => {
  provider = await startGitHubProvider(CLIENT);
  const config = resolveServerConfig(
    { port: '0', dataDir: mkdtempSync(join(tmpdir(), 'mcp-tray-desktop-')), secretStore: 'file' },
    { MCP_API_KEYS: '' },
  );
  server = await startServer(config, {
    logger: streamLogger(() => {}),
    version: '0.0.0-test',
    openInBrowser: (url) => opened.push(url),
  });
  server.dashboard.events.on('account.changed', (view) => events.push(view));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await provider?.close();
});

test('set up in Settings, sign in from the desktop app in the browser; the app and tray show who; sign out', async () => {
  const handlers = server.dashboard.handlers;
  assert.deepEqual(await handlers['account.get']({}), { account: null, providers: [] });
  await assert.rejects(handlers['account.signIn']({ provider: 'github' }), /GitHub sign-in is not set up/);

  await handlers['signIn.update']({
    github: { clientId: CLIENT.clientId, clientSecret: 'a-mistyped-secret', baseUrl: provider.url },
  });
  assert.deepEqual(await handlers['signIn.check']({ provider: 'github' }), {
    ok: false,
    message: 'GitHub does not accept this client ID and secret; copy both again from its console.',
  });
  await handlers['signIn.update']({
    github: { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, baseUrl: provider.url },
  });
  assert.deepEqual(await handlers['signIn.check']({ provider: 'github' }), {
    ok: true,
    message: 'GitHub accepts this client ID and secret.',
  });
  assert.deepEqual(events.at(-1), { account: null, providers: ['github'] }, 'the tray can offer sign-in now');

  const { url } = await handlers['account.signIn']({ provider: 'github' });
  assert.deepEqual(opened, [url], 'opened in the system browser');
  assert.equal(url, `http://localhost:${server.port}/auth/oauth/github/start`);

  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.getByRole('heading', { name: 'Signed in as @octocat' }).waitFor();
  const signedIn = events.at(-1);
  assert.deepEqual(signedIn?.account, {
    login: 'octocat',
    name: 'The Octocat',
    avatarUrl: 'https://avatars.example/583231',
    provider: 'github',
  });
  assert.deepEqual(await handlers['account.get']({}), signedIn, 'the app asks again: the same');
  const menu = trayModel({
    state: 'running',
    busy: false,
    host: '127.0.0.1',
    port: server.port,
    keys: [],
    signedInAs: signedIn?.account?.login ?? '',
    signInWith: signedIn?.providers ?? [],
    launchAtLogin: false,
  }).menu.map((item) => (item.type === 'separator' ? '---' : item.label));
  assert.ok(menu.includes('Signed in as @octocat') && menu.includes('Sign out'));

  const profile = () => page.request.get(`http://localhost:${server.port}/api/user/profile`);
  assert.equal((await profile()).status(), 200);
  const out = await handlers['account.signOut']({});
  assert.deepEqual(out, { account: null, providers: ['github'] });
  assert.deepEqual(events.at(-1), out, 'the tray hears of it');
  assert.equal((await profile()).status(), 401, 'signing out in the app ends the browser session too');
});

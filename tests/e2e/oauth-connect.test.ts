import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { SHOTS } from '../support/dashboard-page.ts';
import { connectWithOAuth, MemoryOAuthClient } from '../support/oauth-client.ts';
import { listToolsWith, token } from '../support/oauth-flow.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';
import { freePort, runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

// The SDK's own OAuth client against `serve --public-url http://localhost:<port>`: 401, discovery,
// registration, PKCE, the consent page approved in Chromium with a pasted key, tokens, tools; then refresh,
// and the key's revocation ending the token.
let keyring: SecretService;
let serve: ServeProcess;
let browser: Browser;
let dataDir: string;
let publicMcp = '';
let key = '';

async function keys(...args: string[]): Promise<string> {
  const result = await runCli(['keys', ...args, '--data-dir', dataDir], keyring.env);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim();
}

before(async () => {
  keyring = await startSecretService();
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-oauth-'));
  const port = await freePort();
  publicMcp = `http://localhost:${port}/mcp`;
  serve = await startServe({
    dataDir,
    args: ['--port', String(port), '--public-url', `http://localhost:${port}`],
    env: { ...keyring.env, MCP_API_KEYS: '' },
  });
  key = /mcp_sk_[A-Za-z0-9_-]{43}/.exec(await keys('create', '--name', 'ChatGPT connector'))?.[0] ?? '';
  assert.notEqual(key, '');
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  await sleep(1_000);
});

after(async () => {
  await browser?.close();
  await serve?.stop();
  await keyring?.stop();
});

/** A one-time sign-in link to the running server's web dashboard, as `mcp-tray dashboard` prints it. */
async function freshLogin(): Promise<string> {
  const result = await runCli(
    ['dashboard', '--port', String(serve.port), '--data-dir', dataDir],
    keyring.env,
  );
  assert.equal(result.code, 0, result.stderr);
  return /(http:\/\/\S+\/login\?token=\S+)/.exec(result.stdout)?.[1] ?? '';
}

/** The status of a tools/list with `accessToken`, straight over HTTP. */
async function mcpStatus(accessToken: string): Promise<number> {
  const res = await listToolsWith(publicMcp, accessToken);
  await res.body?.cancel();
  return res.status;
}

/** The refresh grant, as the app would use it. */
const refreshWith = (oauth: MemoryOAuthClient) =>
  token(new URL(publicMcp).origin, {
    grant_type: 'refresh_token',
    refresh_token: oauth.saved?.refresh_token ?? '',
    client_id: oauth.info?.client_id ?? '',
  });

/** Opens the authorization URL, pastes `secret` and approves; resolves with the callback's parameters. */
async function approveInBrowser(oauth: MemoryOAuthClient, url: URL, secret: string, app = 'Notes App') {
  const page = await browser.newPage();
  try {
    const answered = oauth.nextCallback();
    await page.goto(url.href);
    await page.getByRole('heading', { name: `${app} wants to connect` }).waitFor();
    await page.screenshot({ path: join(SHOTS, `consent-${app.replaceAll(' ', '-').toLowerCase()}.png`) });
    await page.getByLabel('Connector key').fill(secret);
    await page.getByRole('button', { name: 'Approve' }).click();
    return (await answered).params;
  } finally {
    await page.close();
  }
}

describe('OAuth for connectors, with the SDK client and a consent in Chromium', () => {
  test('connects, lists and calls tools as the grant, refreshes, and stops when the key is revoked', async () => {
    const oauth = await MemoryOAuthClient.start('Notes App');
    try {
      const first = await connectWithOAuth(publicMcp, oauth);
      assert.ok('authorize' in first, 'the first connection must ask for authorization');
      const params = await approveInBrowser(oauth, first.authorize, key);
      assert.equal(params.get('iss'), new URL(publicMcp).origin);
      await first.transport.finishAuth(params);
      const connected = await connectWithOAuth(publicMcp, oauth);
      assert.ok('client' in connected, 'connected with the token');
      const { tools } = await connected.client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'whoami'));
      const who = await connected.client.callTool({ name: 'whoami', arguments: {} });
      const caller = who.structuredContent as Record<string, unknown>;
      assert.equal(caller['keyName'], 'ChatGPT connector');
      assert.deepEqual(caller['client'], { id: oauth.info?.client_id, name: 'Notes App' });

      // Refresh: a new pair, and the client goes on with it.
      const refreshed = await refreshWith(oauth);
      assert.equal(refreshed.status, 200);
      const pair = refreshed.body as { access_token: string; refresh_token: string };
      assert.notEqual(pair.access_token, oauth.saved?.access_token);
      oauth.saveTokens({ ...oauth.saved, ...pair, token_type: 'Bearer' });
      const again = await connected.client.callTool({ name: 'whoami', arguments: {} });
      assert.equal((again.structuredContent as Record<string, unknown>)['keyName'], 'ChatGPT connector');
      await connected.client.close();

      // Revoking the key that approved the app ends its token within 2 seconds.
      const revokedAt = Date.now();
      await keys('revoke', 'ChatGPT connector');
      let status = 0;
      while (Date.now() - revokedAt < 2_000) {
        status = await mcpStatus(pair.access_token);
        if (status === 401) break;
        await sleep(100);
      }
      assert.equal(status, 401, 'the token still worked 2 seconds after its key was revoked');
    } finally {
      oauth.close();
    }
  });

  test('Connected apps lists the app with the key that approved it; Revoke ends its token at once', async () => {
    const claudeKey =
      /mcp_sk_[A-Za-z0-9_-]{43}/.exec(await keys('create', '--name', 'Claude key'))?.[0] ?? '';
    await sleep(1_000);
    const oauth = await MemoryOAuthClient.start('Claude');
    try {
      const first = await connectWithOAuth(publicMcp, oauth);
      assert.ok('authorize' in first);
      await first.transport.finishAuth(await approveInBrowser(oauth, first.authorize, claudeKey, 'Claude'));
      const accessToken = oauth.saved?.access_token ?? '';
      assert.equal(await mcpStatus(accessToken), 200);

      const page = await browser.newPage();
      await page.goto(await freshLogin());
      const apps = page.getByRole('region', { name: 'Connected apps' });
      const row = apps.getByRole('row').filter({ hasText: 'Claude' });
      await row.waitFor();
      assert.match(await row.innerText(), /127\.0\.0\.1:\d+[\s\S]*Claude key[\s\S]*just now/);
      await row.getByRole('button', { name: 'Revoke Claude' }).click();
      await row.waitFor({ state: 'detached' });
      await page.close();
      assert.equal(await mcpStatus(accessToken), 401);
      assert.equal((await refreshWith(oauth)).body['error'], 'invalid_grant');
    } finally {
      oauth.close();
    }
  });

  test('approved in MCP Tray instead of with a key: the page waits, goes on by itself, and the app gets what was chosen', async () => {
    const oauth = await MemoryOAuthClient.start('Research App');
    try {
      const first = await connectWithOAuth(publicMcp, oauth);
      assert.ok('authorize' in first);
      const answered = oauth.nextCallback();
      const consent = await browser.newPage();
      await consent.goto(first.authorize.href);
      await consent.getByRole('button', { name: 'Wait for MCP Tray' }).click();
      await consent.getByRole('heading', { name: 'Approve Research App in MCP Tray' }).waitFor();

      const dashboard = await browser.newPage();
      await dashboard.goto(await freshLogin());
      const asking = dashboard.getByRole('group', { name: 'Research App wants to connect' });
      await asking.waitFor();
      assert.match(await asking.innerText(), /your answer goes to 127\.0\.0\.1:\d+/);
      await asking.getByRole('combobox').selectOption('tools');
      await asking.getByRole('button', { name: 'Approve Research App' }).click();
      const row = dashboard.getByRole('row').filter({ hasText: 'Research App' });
      await row.waitFor();
      assert.match(await row.innerText(), /you, in MCP Tray/);

      const params = (await answered).params;
      await consent.close();
      await first.transport.finishAuth(params);
      const connected = await connectWithOAuth(publicMcp, oauth);
      assert.ok('client' in connected);
      const who = await connected.client.callTool({ name: 'whoami', arguments: {} });
      const caller = who.structuredContent as Record<string, unknown>;
      assert.deepEqual(
        [caller['keyName'], caller['source'], caller['permissions']],
        ['Research App', 'oauth', ['tools:list', 'tools:call']],
      );
      await connected.client.close();
      await row.getByRole('button', { name: 'Revoke Research App' }).click();
      await row.waitFor({ state: 'detached' });
      await dashboard.close();
      assert.equal(await mcpStatus(oauth.saved?.access_token ?? ''), 401);
    } finally {
      oauth.close();
    }
  });
});

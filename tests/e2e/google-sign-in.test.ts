import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startOpenIdProvider } from '../support/openid-provider.ts';
import { freePort, startServe, type ServeProcess } from '../support/serve-process.ts';

let provider: Awaited<ReturnType<typeof startOpenIdProvider>>;
let server: ServeProcess;
let browser: Browser;
let port = 0;

before(async () => {
  port = await freePort();
  const redirectUri = `http://localhost:${port}/auth/oauth/callback`;
  provider = await startOpenIdProvider({
    clientId: 'mcp-tray-test',
    clientSecret: 'oidc-test-secret-0123456789',
    redirectUri,
  });
  server = await startServe({
    args: ['--port', String(port), '--secret-store', 'file'],
    env: {
      MCP_OAUTH_ENABLED: 'true',
      MCP_OAUTH_GOOGLE_CLIENT_ID: 'mcp-tray-test',
      MCP_OAUTH_GOOGLE_CLIENT_SECRET: 'oidc-test-secret-0123456789',
      MCP_OAUTH_GOOGLE_ISSUER: provider.issuer,
      MCP_OAUTH_REDIRECT_URI: redirectUri,
    },
  });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
});

test('sign in with Google (OpenID Connect, against a real local OpenID provider) in Chromium', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://localhost:${port}/auth/oauth/login`);
  await page.getByRole('link', { name: 'Sign in with Google' }).click();
  await page.locator('input[name="login"]').fill('alice');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page
    .locator('button[type="submit"]')
    .filter({ hasText: /continue/i })
    .click();
  await page.getByRole('heading', { name: 'Signed in as @alice' }).waitFor();
  const profile = await page.evaluate(async () => (await fetch('/api/user/profile')).json());
  assert.deepEqual(profile, {
    subject: 'google:alice',
    login: 'alice',
    name: 'Test alice',
    email: 'alice@example.com',
    avatarUrl: null,
  });
  await page.goto(`http://localhost:${port}/`);
  await page.getByRole('heading', { name: 'API keys' }).waitFor();
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startGitHubProvider } from '../support/github-provider.ts';
import { freePort, startServe, type ServeProcess } from '../support/serve-process.ts';

const CLIENT = { clientId: 'Iv1.e2eclient', clientSecret: 'e2e-client-secret-0123456789' };
let provider: Awaited<ReturnType<typeof startGitHubProvider>>;
let server: ServeProcess;
let browser: Browser;
let port = 0;

before(async () => {
  port = await freePort();
  provider = await startGitHubProvider(CLIENT);
  server = await startServe({
    args: ['--port', String(port), '--secret-store', 'file'],
    env: {
      MCP_OAUTH_ENABLED: 'true',
      MCP_OAUTH_GITHUB_CLIENT_ID: CLIENT.clientId,
      MCP_OAUTH_GITHUB_CLIENT_SECRET: CLIENT.clientSecret,
      MCP_OAUTH_GITHUB_BASE_URL: provider.url,
      MCP_OAUTH_GITHUB_API_URL: provider.url,
      MCP_OAUTH_REDIRECT_URI: `http://localhost:${port}/auth/oauth/callback`,
    },
  });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
});

test('sign in with GitHub in Chromium, then the dashboard opens with that session', async () => {
  const page = await (await browser.newContext()).newPage();
  const seen: string[] = [];
  page.on('request', (request) => seen.push(request.url()));
  await page.goto(`http://localhost:${port}/auth/oauth/login`);
  await page.getByRole('link', { name: 'Sign in with GitHub' }).click();
  await page.getByRole('heading', { name: 'Signed in as @octocat' }).waitFor();
  await page.getByRole('link', { name: 'Open the dashboard' }).click();
  await page.getByRole('heading', { name: 'API keys' }).waitFor();
  assert.ok(
    seen.every((url) => !url.includes(CLIENT.clientSecret)),
    'the client secret is in no URL',
  );
  assert.ok(!server.stderr().includes(CLIENT.clientSecret));
  assert.match(server.stderr(), /Signed in to the dashboard as @octocat/);
});

test('a provider that cannot be reached is reported within 10 seconds', async () => {
  const closed = await freePort();
  const other = await startServe({
    args: ['--secret-store', 'file'],
    env: {
      MCP_OAUTH_ENABLED: 'true',
      MCP_OAUTH_GOOGLE_CLIENT_ID: 'x',
      MCP_OAUTH_GOOGLE_CLIENT_SECRET: 'y',
      MCP_OAUTH_GOOGLE_ISSUER: `http://127.0.0.1:${closed}`,
    },
  });
  try {
    const page = await (await browser.newContext()).newPage();
    const started = Date.now();
    await page.goto(`${other.origin}/auth/oauth/google/start`);
    await page.getByText('could not be reached within 10 seconds').waitFor();
    assert.ok(Date.now() - started < 10_000);
  } finally {
    await other.stop();
  }
});

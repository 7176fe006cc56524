import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startOpenIdProvider } from '../support/openid-provider.ts';
import { freePort, runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

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
  const page = await signInWithGoogle(`http://localhost:${port}/auth/oauth/login`, 'alice');
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

/** From a page with "Sign in with Google", signs in at the local OpenID provider's development pages as `login`. */
async function signInWithGoogle(startPage: string, login: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(startPage);
  await page.getByRole('link', { name: 'Sign in with Google' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page
    .locator('button[type="submit"]')
    .filter({ hasText: /continue/i })
    .click();
  return page;
}

test('Google set up in Settings (no variables); an owner added by email signs in, a stranger does not', async () => {
  const settingsPort = await freePort();
  const settingsProvider = await startOpenIdProvider({
    clientId: 'settings-google-client',
    clientSecret: 'settings-google-secret-0123',
    redirectUri: `http://localhost:${settingsPort}/auth/oauth/callback`,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-google-settings-'));
  const configured = await startServe({
    dataDir,
    args: ['--port', String(settingsPort), '--secret-store', 'file'],
  });
  try {
    const link = await runCli(['dashboard', '--port', String(settingsPort), '--data-dir', dataDir]);
    const owner = await (await browser.newContext()).newPage();
    await owner.goto(link.stdout.trim());
    await owner.getByRole('link', { name: 'Settings' }).click();
    const form = owner.getByRole('form', { name: 'Google sign-in' });
    await form.getByLabel('Client ID').fill('settings-google-client');
    await form.getByLabel('Client secret').fill('not-the-secret');
    await form.getByLabel('OpenID issuer').fill(settingsProvider.issuer);
    await form.getByRole('button', { name: 'Save Google' }).click();
    await form.getByText('Google does not accept this client ID and secret').waitFor();
    await form.getByLabel('Client secret').fill('settings-google-secret-0123');
    await form.getByRole('button', { name: 'Save Google' }).click();
    await owner.getByText('Saved: Google sign-in.').waitFor();
    await form.getByText('Google accepts this client ID and secret.').waitFor();
    await owner.getByLabel('Provider').selectOption('google');
    await owner.getByLabel('Google email').fill('Bob@Example.com');
    await owner.getByRole('button', { name: 'Add owner' }).click();
    await owner.getByText('Saved: Bob@Example.com added.').waitFor();

    const signInPage = `http://localhost:${settingsPort}/`;
    const alice = await signInWithGoogle(signInPage, 'alice');
    await alice.getByRole('heading', { name: 'Signed in as @alice' }).waitFor();
    const bob = await signInWithGoogle(signInPage, 'bob');
    await bob.getByRole('heading', { name: 'Signed in as @bob' }).waitFor();
    const carol = await signInWithGoogle(signInPage, 'carol');
    await carol.getByRole('heading', { name: 'Not allowed' }).waitFor();

    await owner.reload();
    await owner.getByRole('link', { name: 'Settings' }).click();
    const owners = owner.getByRole('list', { name: 'Owners' });
    await owners.getByText('alice').waitFor();
    await owners.getByText('bob@example.com').waitFor();
    assert.equal(await owners.getByText('not signed in yet').count(), 0, 'bob is bound to his account now');
  } finally {
    await configured.stop();
    await settingsProvider.close();
  }
});

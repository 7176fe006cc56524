import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startGitHubProvider } from '../support/github-provider.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';
import { freePort, runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

/**
 * Sign-in set up from the dashboard's Settings alone (no MCP_OAUTH_* variables), with the client secret in a
 * real Secret Service, then used in Chromium: owners added and removed, sign out, and a restart.
 */
const CLIENT = { clientId: 'Iv1.settingsclient', clientSecret: 'settings-client-secret-9876543210' };
const OCTOCAT = { id: 583231, login: 'octocat', name: 'The Octocat', email: 'octocat@example.com' };
const HUBOT = { id: 1000, login: 'hubot', name: 'Hubot', email: 'hubot@example.com' };
const STRANGER = { id: 2000, login: 'mallory', name: 'Mallory', email: 'mallory@example.com' };

let keyring: SecretService;
let provider: Awaited<ReturnType<typeof startGitHubProvider>>;
let server: ServeProcess;
let browser: Browser;
let port = 0;
const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-signin-settings-'));

async function serve(): Promise<ServeProcess> {
  return startServe({ dataDir, args: ['--port', String(port)], env: { ...keyring.env } });
}

/** A page signed in with a one-time link (from `mcp-tray dashboard`), as the person who set up MCP Tray. */
async function ownerPage(): Promise<Page> {
  const fresh = await runCli(['dashboard', '--port', String(port), '--data-dir', dataDir], keyring.env);
  const link = fresh.stdout.trim();
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Sign-in with GitHub or Google' }).waitFor();
  return page;
}

/** Signs in with GitHub from the dashboard's sign-in page in a fresh browser, as whoever the provider says. */
async function signInAs(user: typeof OCTOCAT): Promise<Page> {
  provider.signInAs(user);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://localhost:${port}/`);
  await page.getByRole('link', { name: 'Sign in with GitHub' }).click();
  await page.getByRole('heading').first().waitFor();
  return page;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

before(async () => {
  keyring = await startSecretService();
  provider = await startGitHubProvider(CLIENT);
  port = await freePort();
  server = await serve();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
  await keyring?.stop();
});

describe('sign-in set up in Settings, used in Chromium', () => {
  test('Settings shows the exact callback URL, and its Copy button copies it', async () => {
    const page = await ownerPage();
    const callback = `http://localhost:${port}/auth/oauth/callback`;
    await page.getByText(callback, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Copy the callback URL' }).click();
    await page.getByRole('button', { name: 'Copy the callback URL' }).getByText('Copied').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), callback);
    await page.context().close();
  });

  test('a GitHub client saved in Settings keeps its secret in the keychain, in no file and no log', async () => {
    const page = await ownerPage();
    const form = page.getByRole('form', { name: 'GitHub sign-in' });
    await form.getByLabel('Client ID').fill(CLIENT.clientId);
    await form.getByRole('button', { name: 'Save GitHub' }).click();
    // The error sits in the form it is about, next to its Save button, and in view.
    const missing = form.getByRole('alert').filter({ hasText: 'Paste the GitHub client secret too' });
    await missing.waitFor();
    const box = await missing.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(
      box && viewport && box.y >= 0 && box.y + box.height <= viewport.height,
      `in view: ${JSON.stringify(box)}`,
    );
    await form.getByLabel('Client secret').fill(CLIENT.clientSecret);
    await form.getByLabel('GitHub URL (change for GitHub Enterprise Server)').fill(provider.url);
    await form.getByRole('button', { name: 'Save GitHub' }).click();
    await page.getByText('Saved: GitHub sign-in.').waitFor();
    await form.getByText('GitHub accepts this client ID and secret.').waitFor();
    await form.getByText(`API: ${provider.url}/api/v3`).waitFor();
    assert.equal(await form.getByLabel('Client secret').inputValue(), '', 'the secret is not shown again');
    assert.match((await form.getByLabel('Client secret').getAttribute('placeholder')) ?? '', /Saved in/);
    await page.context().close();

    const settings = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as {
      oauth?: { enabled?: boolean; github?: { clientId: string } };
    };
    assert.equal(settings.oauth?.github?.clientId, CLIENT.clientId);
    assert.equal(settings.oauth?.enabled, true, 'saving the first provider turns sign-in on');
    for (const file of filesUnder(dataDir))
      assert.ok(!readFileSync(file, 'utf8').includes(CLIENT.clientSecret), `${file} holds the secret`);
    assert.ok(!server.stderr().includes(CLIENT.clientSecret));
  });

  test('the first to sign in becomes the owner and sees their name; a stranger is not allowed', async () => {
    const page = await signInAs(OCTOCAT);
    await page.getByRole('heading', { name: 'Signed in as @octocat' }).waitFor();
    await page.getByRole('link', { name: 'Open the dashboard' }).click();
    await page.getByText('The Octocat').waitFor();
    await page.getByText('@octocat', { exact: true }).waitFor();
    const stranger = await signInAs(STRANGER);
    await stranger.getByRole('heading', { name: 'Not allowed' }).waitFor();
    assert.deepEqual(await stranger.context().cookies(), [], 'no session for a stranger');
    await stranger.context().close();
    await page.context().close();
  });

  test('an owner added by GitHub username may sign in; removing them ends their session and open dashboard at once', async () => {
    const page = await ownerPage();
    await page.getByLabel('GitHub username').fill('HUBOT');
    await page.getByRole('button', { name: 'Add owner' }).click();
    const owners = page.getByRole('list', { name: 'Owners' });
    await owners.getByText('not signed in yet').waitFor();

    const hubot = await signInAs(HUBOT);
    await hubot.getByRole('heading', { name: 'Signed in as @hubot' }).waitFor();
    const profile = () => hubot.request.get(`http://localhost:${port}/api/user/profile`);
    assert.equal((await profile()).status(), 200);
    await hubot.getByRole('link', { name: 'Open the dashboard' }).click();
    await hubot.getByText('@hubot', { exact: true }).waitFor();

    await page.reload();
    await page.getByRole('link', { name: 'Settings' }).click();
    await owners.getByRole('button', { name: 'Remove hubot' }).click();
    await page.getByText('Saved: hubot removed.').waitFor();
    assert.equal((await profile()).status(), 401, 'the removed owner’s session no longer works');
    await hubot.getByRole('heading', { name: 'Sign in to MCP Tray' }).waitFor();
    await hubot.context().close();
    await page.context().close();
  });

  test('Sign out in the header ends the session: the sign-in page shows and the old cookie is refused', async () => {
    const page = await signInAs(OCTOCAT);
    await page.getByRole('link', { name: 'Open the dashboard' }).click();
    await page.getByText('The Octocat').waitFor();
    const [session] = await page.context().cookies();
    assert.ok(session);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to MCP Tray' }).waitFor();
    const replay = await fetch(`http://localhost:${port}/api/user/profile`, {
      headers: { authorization: `Bearer ${session.value}` },
    });
    assert.equal(replay.status, 401, 'a copy of the signed-out token does not work either');
    await page.context().close();
  });

  test('after a restart, sign-in still works: the secret came back from the keychain', async () => {
    await server.stop();
    server = await serve();
    const page = await signInAs(OCTOCAT);
    await page.getByRole('heading', { name: 'Signed in as @octocat' }).waitFor();
    await page.context().close();
  });
});

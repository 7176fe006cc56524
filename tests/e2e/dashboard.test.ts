import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

const SHOTS = join(import.meta.dirname, '..', '..', 'reports', 'screenshots');

let server: ServeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let loginUrl = '';
let dataDir = '';
let secret = '';
const consoleErrors: string[] = [];

async function shoot(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function mcpClient(key: string): Promise<Client> {
  const client = new Client({ name: 'e2e-client', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(server.url), {
      requestInit: { headers: { 'X-API-Key': key } },
    }),
  );
  return client;
}

async function clipboard(): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-e2e-'));
  server = await startServe({
    dataDir,
    args: ['--secret-store', 'file'],
    env: { MCP_API_KEYS: '' },
  });
  for (let i = 0; i < 100 && !/\/login\?token=/.test(server.stderr()); i += 1) await sleep(20);
  loginUrl = /(http:\/\/\S+\/login\?token=\S+)/.exec(server.stderr())?.[1] ?? '';
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the web dashboard in Chromium, against a real mcp-tray serve', () => {
  test('the one-time link signs in; a first run offers to create a key', async () => {
    assert.match(loginUrl, /^http:\/\/127\.0\.0\.1:\d+\/login\?token=/);
    await page.goto(loginUrl);
    await page.getByRole('heading', { name: 'No keys yet' }).waitFor();
    assert.equal(new URL(page.url()).search, '', 'the token leaves the address bar');
    await page.getByRole('status').filter({ hasText: 'Running' }).waitFor();
    await shoot('keys-empty');
  });

  test('first run: a key for the chosen client, with the tool permissions only, and straight to its config', async () => {
    await page.getByText('Tools this server offers today:').waitFor();
    await page.getByText('whoami', { exact: true }).waitFor();
    await page.getByLabel('Which client is it for?').selectOption('cursor');
    await page.getByRole('button', { name: 'Create a key for Cursor' }).click();
    await page.getByRole('heading', { name: 'Connect a client' }).waitFor();
    assert.match(page.url(), /#\/connect\?.*client=cursor/);
    await page.getByText('Key “Cursor” was made for Cursor').waitFor();
    assert.equal(await page.getByLabel('Client', { exact: true }).inputValue(), 'cursor');
    const listed = await runCli(['keys', 'list', '--json', '--secret-store', 'file', '--data-dir', dataDir], {
      MCP_API_KEYS: '',
    });
    const made = (JSON.parse(listed.stdout) as { keys: { name: string; permissions: string[] }[] }).keys;
    assert.deepEqual(
      made.map((k) => [k.name, k.permissions]),
      [['Cursor', ['tools:list', 'tools:call']]],
    );
    await shoot('first-key-connect');
    await page.getByRole('link', { name: 'Keys' }).click();
  });

  test('a second use of the link is refused, with what to do', async () => {
    const other = await browser.newContext();
    const fresh = await other.newPage();
    await fresh.goto(loginUrl);
    await fresh.getByText('That sign-in link was already used or has expired.').waitFor();
    // The exact command for this server (its port and data folder are not the defaults), with a copy button.
    await fresh
      .getByText(`mcp-tray dashboard --port ${server.port} --data-dir ${dataDir}`, { exact: true })
      .waitFor();
    await fresh.getByRole('button', { name: 'Copy the command' }).waitFor();
    await fresh.screenshot({ path: join(SHOTS, 'signin-light.png') });
    await fresh.emulateMedia({ colorScheme: 'dark' });
    await fresh.screenshot({ path: join(SHOTS, 'signin-dark.png') });
    await other.close();
  });

  test('create a key in the dialog; the secret is shown to copy', async () => {
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByLabel('Name').fill('E2E Client');
    await shoot('key-dialog');
    await page.getByRole('button', { name: 'Create key' }).last().click();
    secret = (await page.getByTestId('new-secret').textContent()) ?? '';
    assert.match(secret, /^mcp_sk_[A-Za-z0-9_-]{43}$/);
    await shoot('key-created');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('cell', { name: 'E2E Client', exact: true }).waitFor();
    await shoot('keys');
  });

  test('editing a key made with the CLI shows its exact grants and rate, and a rename keeps them', async () => {
    const cli = (...args: string[]) =>
      runCli(['keys', ...args, '--secret-store', 'file', '--data-dir', dataDir], { MCP_API_KEYS: '' });
    const made = await cli(
      'create',
      '--name',
      'CLI Key',
      '--permissions',
      'tools:call:fs_*',
      '--rate-limit',
      '5/s',
    );
    assert.equal(made.code, 0, made.stderr);
    const row = page.getByRole('row', { name: /CLI Key/ });
    await row.getByRole('cell', { name: '5/s', exact: true }).waitFor();
    await row.getByRole('button', { name: 'More for CLI Key' }).click();
    await page.getByRole('menuitem', { name: 'Edit CLI Key' }).click();
    const dialog = page.getByRole('dialog');
    assert.ok(await dialog.getByRole('radio', { name: /Custom/ }).isChecked());
    assert.equal(await dialog.getByLabel('Permissions, one per line').inputValue(), 'tools:call:fs_*');
    assert.equal(await dialog.getByLabel('Rate limit', { exact: false }).inputValue(), '5');
    assert.equal(await dialog.getByLabel('Requests').inputValue(), '1');
    await dialog.getByLabel('Name', { exact: true }).fill('CLI Key renamed');
    await shoot('key-edit-custom');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'CLI Key renamed', exact: true }).waitFor();
    const listed = await cli('list', '--json');
    const key = (
      JSON.parse(listed.stdout) as { keys: { name: string; permissions: string[]; rateLimit: unknown }[] }
    ).keys.find((k) => k.name === 'CLI Key renamed');
    assert.deepEqual(key?.permissions, ['tools:call:fs_*']);
    assert.deepEqual(key?.rateLimit, { limit: 5, windowSeconds: 1 });
  });

  test('Connect: the key stays hidden until asked; Copy gives the Claude Code command with it', async () => {
    await page.getByRole('link', { name: 'Connect' }).click();
    await page.getByLabel('Client', { exact: true }).selectOption('claude-code');
    await page.getByLabel('Key', { exact: true }).selectOption({ label: 'E2E Client' });
    const shown = page.getByTestId('config-text').filter({ hasText: 'claude mcp add' });
    await shown.waitFor();
    assert.ok(!((await shown.textContent()) ?? '').includes(secret), 'the secret is not on screen');
    assert.match((await shown.textContent()) ?? '', /X-API-Key: mcp_sk_\S{4}•+/);
    await page.getByRole('button', { name: 'Copy the Claude Code configuration' }).click();
    await page
      .getByRole('button', { name: 'Copy the Claude Code configuration' })
      .filter({ hasText: 'Copied' })
      .waitFor();
    const command = await clipboard();
    assert.equal(
      command.trim(),
      `claude mcp add --transport http --scope user mcp-tray ${server.url} --header "X-API-Key: ${secret}"`,
    );
    await page.getByRole('button', { name: 'Show key' }).click();
    await page.getByTestId('config-text').filter({ hasText: secret }).waitFor();
    await page.getByRole('button', { name: 'Hide key' }).click();
    await shoot('connect');
  });

  test('Connect: the Responses API needs a public URL; Settings fixes it, and Back returns to the config', async () => {
    await page.getByLabel('Client', { exact: true }).selectOption('responses-api');
    await page.getByTestId('config-blocked').filter({ hasText: 'cannot reach 127.0.0.1' }).waitFor();
    assert.equal(await page.getByTestId('config-text').count(), 0, 'no steps that cannot work');
    await shoot('connect-responses-api-blocked');
    await page.getByRole('link', { name: 'Open Settings' }).click();
    const field = page.getByLabel('Public URL (for tunnels)');
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await field.fill('https://tray.example.com');
    assert.equal(await field.inputValue(), 'https://tray.example.com');
    await page.getByRole('button', { name: 'Save URL' }).click();
    await page.getByText('Saved: the public URL.').waitFor();
    await page.goBack();
    await page.getByTestId('config-text').filter({ hasText: '"type": "mcp"' }).waitFor();
    await page.getByRole('button', { name: 'Copy the OpenAI Responses API configuration' }).click();
    await page
      .getByRole('button', { name: 'Copy the OpenAI Responses API configuration' })
      .filter({ hasText: 'Copied' })
      .waitFor();
    const tool = JSON.parse(await clipboard()) as {
      type: string;
      server_url: string;
      headers: Record<string, string>;
    };
    assert.equal(tool.type, 'mcp');
    assert.equal(tool.server_url, 'https://tray.example.com/mcp');
    assert.equal(tool.headers['X-API-Key'], secret);
    await shoot('connect-responses-api');
    // A reload keeps the screen and the choices.
    await page.reload();
    assert.equal(await page.getByLabel('Client', { exact: true }).inputValue(), 'responses-api');
  });

  test('an MCP SDK client uses the key, and its calls show up live in Activity', async () => {
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByText('No requests yet').waitFor();
    const client = await mcpClient(secret);
    const { tools } = await client.listTools();
    assert.ok(tools.some((t) => t.name === 'whoami'));
    await client.callTool({ name: 'whoami', arguments: {} });
    await client.close();
    await page.getByTestId('activity').getByText('tools/call whoami').waitFor();
    await page
      .getByTestId('activity')
      .getByRole('cell', { name: 'E2E Client', exact: true })
      .first()
      .waitFor();
    await shoot('activity');
  });

  test('Rotate offers a grace period: the old secret keeps working through it, the new one at once', async () => {
    await page.getByRole('link', { name: 'Keys' }).click();
    const more = page.getByRole('button', { name: 'More for E2E Client' });
    await more.click();
    await page.getByRole('menuitem', { name: 'Rotate E2E Client' }).click();
    await page.getByLabel('The old secret keeps working for').selectOption({ label: '10 minutes' });
    await shoot('rotate-grace');
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
    const rotated = (await page.getByTestId('new-secret').textContent()) ?? '';
    assert.match(rotated, /^mcp_sk_/);
    await page.getByRole('button', { name: 'Done' }).click();
    // Focus goes back to what opened the dialog.
    assert.equal(await more.evaluate((el) => el === document.activeElement), true);
    await sleep(2_000);
    for (const key of [secret, rotated]) {
      const client = await mcpClient(key);
      await client.listTools();
      await client.close();
    }
    secret = rotated;
  });

  test('at 420 px wide nothing scrolls sideways, on any screen', async () => {
    await page.setViewportSize({ width: 420, height: 800 });
    try {
      for (const screen of ['Keys', 'Connect', 'Activity', 'Settings']) {
        await page.getByRole('link', { name: screen }).click();
        await page.getByRole('heading', { level: 1 }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${screen} scrolls sideways by ${overflow} px`);
        await page.screenshot({ path: join(SHOTS, `narrow-${screen.toLowerCase()}.png`), fullPage: true });
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  test('Stop pauses MCP serving (clients get 503 with a clear message); Start resumes it', async () => {
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('status').filter({ hasText: 'Paused' }).waitFor();
    await assert.rejects(mcpClient(secret), /503|paused in the MCP Tray dashboard/);
    await shoot('paused');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('status').filter({ hasText: 'Running' }).waitFor();
    const client = await mcpClient(secret);
    await client.listTools();
    await client.close();
  });

  test('Settings shows the port, public URL, query-key switch and the data folder', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Port', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('Port', { exact: true }).inputValue(), String(server.port));
    await page.getByLabel('Public URL (for tunnels)').fill('http://not-https.example');
    await page.getByRole('button', { name: 'Save URL' }).click();
    const refusal = page
      .getByRole('form', { name: 'Public URL' })
      .getByRole('alert')
      .filter({ hasText: 'must start with https' });
    await refusal.waitFor();
    const box = await refusal.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `the error is in view: ${JSON.stringify(box)}`);
    // Chromium logs the refused save (400) as a console error: that one was asked for.
    const refused = consoleErrors.findIndex((text) => /status of 400/.test(text));
    assert.ok(refused >= 0);
    consoleErrors.splice(refused, 1);
    await shoot('settings');
  });

  test('Revoke in the UI: the client gets 401', async () => {
    await page.getByRole('link', { name: 'Keys' }).click();
    await page.getByRole('button', { name: 'More for E2E Client' }).click();
    await page.getByRole('menuitem', { name: 'Revoke E2E Client' }).click();
    await shoot('revoke-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('row', { name: /E2E Client/ })
      .getByText('revoked')
      .waitFor();
    await sleep(2_000);
    await assert.rejects(mcpClient(secret), /401|invalid_api_key/);
  });

  test('Sign out ends the session: the sign-in page shows, and the API refuses the old cookie', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to MCP Tray' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/session')).status);
    assert.equal(status, 401);
    // Chromium logs that asked-for 401 as a console error.
    const refused = consoleErrors.findIndex((text) => /status of 401/.test(text));
    assert.ok(refused >= 0);
    consoleErrors.splice(refused, 1);
  });

  test('no console errors on the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { dashboardPageDuringTests, SHOTS } from '../support/dashboard-page.ts';
import { runCli } from '../support/serve-process.ts';

const web = dashboardPageDuringTests();
const { consoleErrors, dataDir, shoot, clipboard } = web;
let secret = '';

describe('the web dashboard in Chromium, against a real mcp-tray serve', () => {
  test('the one-time link signs in; a first run offers to create a key', async () => {
    assert.match(web.loginUrl(), /^http:\/\/127\.0\.0\.1:\d+\/login\?token=/);
    await web.page().goto(web.loginUrl());
    await web.page().getByRole('heading', { name: 'No keys yet' }).waitFor();
    assert.equal(new URL(web.page().url()).search, '', 'the token leaves the address bar');
    await web.page().getByRole('status').filter({ hasText: 'Running' }).waitFor();
    await shoot('keys-empty');
  });

  test('first run: a key for the chosen client, with the tool permissions only, and straight to its config', async () => {
    await web.page().getByText('Tools this server offers today:').waitFor();
    await web.page().getByText('whoami', { exact: true }).waitFor();
    await web.page().getByLabel('Which client is it for?').selectOption('cursor');
    await web.page().getByRole('button', { name: 'Create a key for Cursor' }).click();
    await web.page().getByRole('heading', { name: 'Connect a client' }).waitFor();
    assert.match(web.page().url(), /#\/connect\?.*client=cursor/);
    await web.page().getByText('Key “Cursor” was made for Cursor').waitFor();
    assert.equal(await web.page().getByLabel('Client', { exact: true }).inputValue(), 'cursor');
    const listed = await runCli(['keys', 'list', '--json', '--secret-store', 'file', '--data-dir', dataDir], {
      MCP_API_KEYS: '',
    });
    const made = (JSON.parse(listed.stdout) as { keys: { name: string; permissions: string[] }[] }).keys;
    assert.deepEqual(
      made.map((k) => [k.name, k.permissions]),
      [['Cursor', ['tools:list', 'tools:call']]],
    );
    await shoot('first-key-connect');
    await web.page().getByRole('link', { name: 'Keys' }).click();
  });

  test('a second use of the link is refused, with what to do', async () => {
    const other = await web.browser().newContext();
    const fresh = await other.newPage();
    await fresh.goto(web.loginUrl());
    await fresh.getByText('That sign-in link was already used or has expired.').waitFor();
    // The exact command for this server (its port and data folder are not the defaults), with a copy button.
    await fresh
      .getByText(`mcp-tray dashboard --port ${web.server().port} --data-dir ${dataDir}`, { exact: true })
      .waitFor();
    await fresh.getByRole('button', { name: 'Copy the command' }).waitFor();
    await fresh.screenshot({ path: join(SHOTS, 'signin-light.png') });
    await fresh.emulateMedia({ colorScheme: 'dark' });
    await fresh.screenshot({ path: join(SHOTS, 'signin-dark.png') });
    await other.close();
  });

  test('create a key in the dialog; the secret is shown to copy', async () => {
    await web.page().getByRole('button', { name: 'Create key' }).click();
    await web.page().getByLabel('Name').fill('E2E Client');
    await shoot('key-dialog');
    await web.page().getByRole('button', { name: 'Create key' }).last().click();
    secret = (await web.page().getByTestId('new-secret').textContent()) ?? '';
    assert.match(secret, /^mcp_sk_[A-Za-z0-9_-]{43}$/);
    await shoot('key-created');
    await web.page().getByRole('button', { name: 'Done' }).click();
    await web.page().getByRole('cell', { name: 'E2E Client', exact: true }).waitFor();
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
    const row = web.page().getByRole('row', { name: /CLI Key/ });
    await row.getByRole('cell', { name: '5/s', exact: true }).waitFor();
    await row.getByRole('button', { name: 'More for CLI Key' }).click();
    await web.page().getByRole('menuitem', { name: 'Edit CLI Key' }).click();
    const dialog = web.page().getByRole('dialog');
    assert.ok(await dialog.getByRole('radio', { name: /Custom/ }).isChecked());
    assert.equal(await dialog.getByLabel('Permissions, one per line').inputValue(), 'tools:call:fs_*');
    assert.equal(await dialog.getByLabel('Rate limit', { exact: false }).inputValue(), '5');
    assert.equal(await dialog.getByLabel('Requests').inputValue(), '1');
    await dialog.getByLabel('Name', { exact: true }).fill('CLI Key renamed');
    await shoot('key-edit-custom');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await web.page().getByRole('cell', { name: 'CLI Key renamed', exact: true }).waitFor();
    const listed = await cli('list', '--json');
    const key = (
      JSON.parse(listed.stdout) as { keys: { name: string; permissions: string[]; rateLimit: unknown }[] }
    ).keys.find((k) => k.name === 'CLI Key renamed');
    assert.deepEqual(key?.permissions, ['tools:call:fs_*']);
    assert.deepEqual(key?.rateLimit, { limit: 5, windowSeconds: 1 });
  });

  test('Connect: the key stays hidden until asked; Copy gives the Claude Code command with it', async () => {
    await web.page().getByRole('link', { name: 'Connect' }).click();
    await web.page().getByLabel('Client', { exact: true }).selectOption('claude-code');
    await web.page().getByLabel('Key', { exact: true }).selectOption({ label: 'E2E Client' });
    const shown = web.page().getByTestId('config-text').filter({ hasText: 'claude mcp add' });
    await shown.waitFor();
    assert.ok(!((await shown.textContent()) ?? '').includes(secret), 'the secret is not on screen');
    assert.match((await shown.textContent()) ?? '', /X-API-Key: mcp_sk_\S{4}•+/);
    await web.page().getByRole('button', { name: 'Copy the Claude Code configuration' }).click();
    await web
      .page()
      .getByRole('button', { name: 'Copy the Claude Code configuration' })
      .filter({ hasText: 'Copied' })
      .waitFor();
    const command = await clipboard();
    assert.equal(
      command.trim(),
      `claude mcp add --transport http --scope user mcp-tray ${web.server().url} --header "X-API-Key: ${secret}"`,
    );
    await web.page().getByRole('button', { name: 'Show key' }).click();
    await web.page().getByTestId('config-text').filter({ hasText: secret }).waitFor();
    await web.page().getByRole('button', { name: 'Hide key' }).click();
    await shoot('connect');
  });

  test('Connect: the Responses API needs a public URL; Settings fixes it, and Back returns to the config', async () => {
    await web.page().getByLabel('Client', { exact: true }).selectOption('responses-api');
    await web.page().getByTestId('config-blocked').filter({ hasText: 'cannot reach 127.0.0.1' }).waitFor();
    assert.equal(await web.page().getByTestId('config-text').count(), 0, 'no steps that cannot work');
    await shoot('connect-responses-api-blocked');
    await web.page().getByRole('link', { name: 'Open Settings' }).click();
    const field = web.page().getByLabel('Public URL (for tunnels)');
    await web.page().getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await field.fill('https://tray.example.com');
    assert.equal(await field.inputValue(), 'https://tray.example.com');
    await web.page().getByRole('button', { name: 'Save URL' }).click();
    await web.page().getByText('Saved: the public URL.').waitFor();
    await web.page().goBack();
    await web.page().getByTestId('config-text').filter({ hasText: '"type": "mcp"' }).waitFor();
    await web.page().getByRole('button', { name: 'Copy the OpenAI Responses API configuration' }).click();
    await web
      .page()
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
    await web.page().reload();
    assert.equal(await web.page().getByLabel('Client', { exact: true }).inputValue(), 'responses-api');
  });

  test('no console errors on the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { dashboardPageDuringTests } from '../support/dashboard-page.ts';
import { runCli } from '../support/serve-process.ts';

// Settings > Expose to the internet, against a real serve with the cloudflared stand-in on its PATH.
const STAND_IN = join(import.meta.dirname, '..', 'support', 'tunnel-stand-in');
const web = dashboardPageDuringTests(
  async (dir) => {
    const made = await runCli(
      ['keys', 'create', '--name', 'ChatGPT', '--secret-store', 'file', '--data-dir', dir],
      { MCP_API_KEYS: '' },
    );
    assert.equal(made.code, 0, made.stderr);
  },
  { env: { PATH: `${STAND_IN}:${process.env['PATH'] ?? ''}` } },
);
const page = () => web.page();
const settingsFile = () =>
  JSON.parse(readFileSync(join(web.dataDir, 'settings.json'), 'utf8')) as { tunnel?: string };

describe('Settings > Expose to the internet, in Chromium', () => {
  test('Expose starts cloudflared, shows its URL and remembers it; Stop exposing turns it off and forgets it', async () => {
    await page().goto(web.loginUrl());
    await page().getByRole('link', { name: 'Settings' }).click();
    const setting = page().getByTestId('tunnel-setting');
    await setting.getByRole('button', { name: 'Expose' }).click();
    await setting.getByTestId('tunnel-state').getByText('cloudflared: On').waitFor();
    const url = await setting.getByText(/https:\/\/[a-z0-9-]+\.trycloudflare\.com\/mcp/).textContent();
    assert.match(url ?? '', /trycloudflare\.com\/mcp/);
    assert.equal(settingsFile().tunnel, 'cloudflared', 'it starts again with the server');
    await web.shoot('settings-tunnel');
    await setting.getByRole('button', { name: 'Stop exposing' }).click();
    await setting.getByTestId('tunnel-state').getByText('Off').waitFor();
    assert.equal(settingsFile().tunnel, undefined);
    assert.deepEqual(web.consoleErrors, []);
  });

  test('ChatGPT’s entry in Connect, blocked without a public URL, exposes the server right there', async () => {
    await page().getByRole('link', { name: 'Connect', exact: true }).click();
    await page().getByRole('combobox', { name: 'Client' }).selectOption('chatgpt');
    await page().getByTestId('config-blocked').waitFor();
    const setting = page().getByTestId('tunnel-setting');
    await setting.getByRole('button', { name: 'Expose' }).click();
    const text = page().getByTestId('config-text');
    await text.waitFor();
    assert.match((await text.textContent()) ?? '', /^https:\/\/[a-z0-9-]+\.trycloudflare\.com\/mcp\n$/);
    await page().getByRole('link', { name: 'Settings' }).click();
    await page().getByTestId('tunnel-setting').getByRole('button', { name: 'Stop exposing' }).click();
    await page().getByTestId('tunnel-setting').getByTestId('tunnel-state').getByText('Off').waitFor();
  });

  test('a named tunnel: its token goes to the secret store (never settings.json), and cloudflared gets it', async () => {
    const token = 'eyJhIjoiMDAwMCIsInQiOiJuYW1lZCIsInMiOiJzZWNyZXQifQ==';
    const setting = page().getByTestId('tunnel-setting');
    await setting.getByRole('textbox', { name: 'Stable name (optional)' }).fill('tray.example.com');
    await setting.getByLabel('Tunnel token').fill(token);
    await setting.getByRole('button', { name: 'Expose' }).click();
    await setting.getByText('https://tray.example.com/mcp').waitFor();
    assert.ok(!readFileSync(join(web.dataDir, 'settings.json'), 'utf8').includes(token));
    const secrets = readFileSync(join(web.dataDir, 'secrets.json'), 'utf8');
    assert.ok(secrets.includes('tunnel-token'), 'kept where key secrets are');
    await setting.getByRole('button', { name: 'Stop exposing' }).click();
    await setting.getByTestId('tunnel-state').getByText('Off').waitFor();
    await setting.getByRole('textbox', { name: 'Stable name (optional)' }).fill('tray.example.com');
    assert.match(
      (await setting.getByLabel('Tunnel token').getAttribute('placeholder')) ?? '',
      /kept in the keychain/,
    );
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { EXISTING_CONFIGS } from '../support/client-configs.ts';
import { dashboardPageDuringTests } from '../support/dashboard-page.ts';

// Connect > Add to a client, in Chromium against a real `mcp-tray serve` whose HOME is the test's: the diff
// first, the write, the check through the bridge, Undo.
const home = mkdtempSync(join(tmpdir(), 'mcp-tray-e2e-home-'));
const claudeDesktop = join(home, '.config', 'Claude', 'claude_desktop_config.json');
const vscode = join(home, '.config', 'Code', 'User', 'mcp.json');
const web = dashboardPageDuringTests(
  async () => {
    mkdirSync(dirname(claudeDesktop), { recursive: true });
    writeFileSync(claudeDesktop, EXISTING_CONFIGS['claude-desktop']);
    mkdirSync(dirname(vscode), { recursive: true });
    writeFileSync(vscode, EXISTING_CONFIGS.vscode);
  },
  { env: { HOME: home } },
);
const page = () => web.page();
let previewedKey = '';
const row = (id: string) => page().getByTestId(`client-${id}`);

describe('Connect > Add to a client, in Chromium', () => {
  test('the clients found here come first; Add shows the exact change before anything is written', async () => {
    await page().goto(web.loginUrl());
    await page().getByRole('link', { name: 'Connect' }).click();
    await row('claude-desktop').getByText('Installed').waitFor();
    await row('claude-desktop').getByRole('button', { name: 'Add to Claude Desktop' }).click();
    const dialog = page().getByRole('dialog');
    await dialog.getByTestId('connect-diff').getByText('"mcp-tray": {').waitFor();
    previewedKey =
      /key_[A-Za-z0-9_-]{12}/.exec((await dialog.getByTestId('connect-diff').textContent()) ?? '')?.[0] ?? '';
    assert.notEqual(previewedKey, '', 'the preview names the key the client will use');
    assert.equal(
      readFileSync(claudeDesktop, 'utf8'),
      EXISTING_CONFIGS['claude-desktop'],
      'a preview writes nothing',
    );
    await web.shoot('connect-preview');
  });

  test('Write it: the file gets the bridge, the check says it reached MCP Tray, Undo puts the file back', async () => {
    await page().getByRole('dialog').getByRole('button', { name: 'Write it' }).click();
    const outcome = page().getByTestId('connect-outcome');
    await outcome.getByText('MCP Tray was added to Claude Desktop.').waitFor();
    await outcome
      .getByText(/Checked: the bridge reached MCP Tray and lists \d+ tools/)
      .waitFor({ timeout: 20_000 });
    const written = JSON.parse(readFileSync(claudeDesktop, 'utf8').replace(/\t/g, ' ')) as {
      mcpServers: Record<string, { args: string[] }>;
      globalShortcut: string;
    };
    assert.ok(written.mcpServers['mcp-tray']!.args.includes('bridge'));
    assert.ok(written.mcpServers['mcp-tray']!.args.includes(previewedKey), 'the key the preview showed');
    assert.equal(written.globalShortcut, 'Ctrl+Space');
    await row('claude-desktop')
      .getByText(/key from the keychain, key “Claude Desktop”/)
      .waitFor();
    await web.shoot('connect-added');
    await outcome.getByRole('button', { name: 'Undo' }).click();
    await outcome.getByText('MCP Tray was removed from Claude Desktop.').waitFor();
    assert.equal(readFileSync(claudeDesktop, 'utf8'), EXISTING_CONFIGS['claude-desktop']);
  });

  test('VS Code asks for the key: no key in its file, and the key to paste is one click away', async () => {
    await row('vscode').getByRole('button', { name: 'Add to VS Code' }).click();
    const dialog = page().getByRole('dialog');
    await dialog.getByTestId('connect-diff').getByText('"mcp-tray-key"', { exact: false }).first().waitFor();
    await dialog.getByRole('button', { name: 'Write it' }).click();
    const outcome = page().getByTestId('connect-outcome');
    await outcome.getByText(/Checked: MCP Tray answered/).waitFor({ timeout: 20_000 });
    const copy = outcome.getByRole('button', { name: 'Copy the key to paste' });
    await copy.click();
    // The key is fetched, then copied: read the clipboard once the button says so.
    await outcome.getByRole('button', { name: 'Copied' }).waitFor();
    const pasted = await page().evaluate(() => navigator.clipboard.readText());
    assert.match(pasted, /^mcp_/);
    assert.ok(!readFileSync(vscode, 'utf8').includes(pasted), 'the key is not in the file');
    assert.ok(readFileSync(vscode, 'utf8').includes('// servers I use at work'), 'its comments are kept');
    assert.deepEqual(web.consoleErrors, []);
  });

  test('revoking the key offers to take MCP Tray out of the client that uses it, and does', async () => {
    await page().getByRole('link', { name: 'Keys', exact: true }).click();
    await page().getByRole('button', { name: 'More for VS Code' }).click();
    await page().getByRole('menuitem', { name: 'Revoke VS Code' }).click();
    const dialog = page().getByRole('dialog');
    const offer = dialog.getByRole('checkbox', { name: /VS Code/ });
    await offer.waitFor();
    assert.equal(await offer.isChecked(), true);
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(readFileSync(vscode, 'utf8'), EXISTING_CONFIGS.vscode, 'VS Code’s file is as it was');
  });
});

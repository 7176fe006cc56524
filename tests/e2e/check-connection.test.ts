import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dashboardPageDuringTests, storedKeys } from '../support/dashboard-page.ts';
import { runCli } from '../support/serve-process.ts';

// Connect > a cloud connector > Check connection: the doctor's walk of the public URL from the dashboard,
// against a real serve whose public URL is http://localhost:PORT (the form kept for testing).
const web = dashboardPageDuringTests(async (dir) => {
  const made = await runCli(
    ['keys', 'create', '--name', 'Claude', '--secret-store', 'file', '--data-dir', dir],
    {
      MCP_API_KEYS: '',
    },
  );
  assert.equal(made.code, 0, made.stderr);
});
const page = () => web.page();

describe('Check connection beside a cloud connector, in Chromium', () => {
  test('with a public URL: each step passes, tools listed with the connector’s key', async () => {
    await page().goto(web.loginUrl());
    await page().getByRole('link', { name: 'Settings' }).click();
    const publicUrl = page().getByRole('form', { name: 'Public URL' });
    await publicUrl.getByRole('textbox').fill(`http://localhost:${web.server().port}`);
    await publicUrl.getByRole('button', { name: 'Save URL' }).click();
    await page().getByText('Saved: the public URL.').first().waitFor();
    await page().getByRole('link', { name: 'Connect', exact: true }).click();
    await page().getByRole('combobox', { name: 'Client' }).selectOption('claude-connector');
    const check = page().getByTestId('check-connection');
    await check.getByRole('button', { name: 'Check connection' }).click();
    await check
      .getByText(/tools\/list: ok\. Connected with the key; \d+ tools\./)
      .waitFor({ timeout: 20_000 });
    assert.equal(await check.getByText(/: failed\./).count(), 0);
    assert.match((await check.textContent()) ?? '', /reachable: ok\..*refused without a key: ok\./);
    await web.shoot('connect-check-connection');
  });

  test('ChatGPT’s entry leads with OAuth, and makes a key for ChatGPT alone in one click', async () => {
    await page().getByRole('combobox', { name: 'Client' }).selectOption('chatgpt');
    assert.equal(
      await page().getByTestId('config-text').textContent(),
      `http://localhost:${web.server().port}/mcp\n`,
    );
    await page().getByRole('button', { name: 'Make a key for ChatGPT connector' }).click();
    await page().getByText('Key “ChatGPT connector” was made for ChatGPT connector').waitFor();
    const chosen = page().getByRole('combobox', { name: 'Key', exact: true }).locator('option:checked');
    assert.match((await chosen.textContent()) ?? '', /^ChatGPT connector/);
    await page().getByRole('button', { name: 'Make a key for ChatGPT connector' }).click();
    await page().getByText('Key “ChatGPT connector 2” was made for ChatGPT connector').waitFor();
    const keys = await storedKeys(web.dataDir);
    assert.deepEqual(
      keys.filter((key) => key.name.startsWith('ChatGPT')).map((key) => key.permissions),
      [
        ['tools:list', 'tools:call'],
        ['tools:list', 'tools:call'],
      ],
    );
  });
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { dashboardPageDuringTests, SHOTS } from '../support/dashboard-page.ts';
import { runCli } from '../support/serve-process.ts';

/** The dashboard at work: a key made with the CLI, used by a client, rotated, paused, revoked; sign out. */
let secret = '';
const web = dashboardPageDuringTests(async (dataDir) => {
  const made = await runCli(
    ['keys', 'create', '--name', 'E2E Client', '--secret-store', 'file', '--data-dir', dataDir],
    {
      MCP_API_KEYS: '',
    },
  );
  assert.equal(made.code, 0, made.stderr);
  secret = made.stdout.trim();
});
const { consoleErrors, shoot, mcpClient } = web;

describe('the web dashboard at work, in Chromium, against a real mcp-tray serve', () => {
  test('the one-time link signs in to the keys', async () => {
    await web.page().goto(web.loginUrl());
    await web.page().getByRole('cell', { name: 'E2E Client', exact: true }).waitFor();
  });

  test('an MCP SDK client uses the key, and its calls show up live in Activity', async () => {
    await web.page().getByRole('link', { name: 'Activity' }).click();
    await web.page().getByText('No requests yet').waitFor();
    const client = await mcpClient(secret);
    const { tools } = await client.listTools();
    assert.ok(tools.some((t) => t.name === 'whoami'));
    await client.callTool({ name: 'whoami', arguments: {} });
    await client.close();
    await web.page().getByTestId('activity').getByText('tools/call whoami').waitFor();
    await web
      .page()
      .getByTestId('activity')
      .getByRole('cell', { name: 'E2E Client', exact: true })
      .first()
      .waitFor();
    await shoot('activity');
  });

  test('Rotate offers a grace period: the old secret keeps working through it, the new one at once', async () => {
    await web.page().getByRole('link', { name: 'Keys' }).click();
    const more = web.page().getByRole('button', { name: 'More for E2E Client' });
    await more.click();
    await web.page().getByRole('menuitem', { name: 'Rotate E2E Client' }).click();
    await web.page().getByLabel('The old secret keeps working for').selectOption({ label: '10 minutes' });
    await shoot('rotate-grace');
    await web.page().getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
    const rotated = (await web.page().getByTestId('new-secret').textContent()) ?? '';
    assert.match(rotated, /^mcp_sk_/);
    await web.page().getByRole('button', { name: 'Done' }).click();
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
    await web.page().setViewportSize({ width: 420, height: 800 });
    try {
      for (const screen of ['Keys', 'Connect', 'Servers', 'Activity', 'Settings']) {
        await web.page().getByRole('link', { name: screen }).click();
        await web.page().getByRole('heading', { level: 1 }).waitFor();
        const overflow = await web
          .page()
          .evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${screen} scrolls sideways by ${overflow} px`);
        await web
          .page()
          .screenshot({ path: join(SHOTS, `narrow-${screen.toLowerCase()}.png`), fullPage: true });
      }
    } finally {
      await web.page().setViewportSize({ width: 1280, height: 800 });
    }
  });

  test('Stop pauses MCP serving (clients get 503 with a clear message); Start resumes it', async () => {
    await web.page().getByRole('button', { name: 'Stop' }).click();
    await web.page().getByRole('status').filter({ hasText: 'Paused' }).waitFor();
    await assert.rejects(mcpClient(secret), /503|paused in the MCP Tray dashboard/);
    await shoot('paused');
    await web.page().getByRole('button', { name: 'Start' }).click();
    await web.page().getByRole('status').filter({ hasText: 'Running' }).waitFor();
    const client = await mcpClient(secret);
    await client.listTools();
    await client.close();
  });

  test('Settings shows the port, public URL, query-key switch and the data folder', async () => {
    await web.page().getByRole('link', { name: 'Settings' }).click();
    await web.page().getByLabel('Port', { exact: true }).waitFor();
    assert.equal(
      await web.page().getByLabel('Port', { exact: true }).inputValue(),
      String(web.server().port),
    );
    await web.page().getByLabel('Public URL (for tunnels)').fill('http://not-https.example');
    await web.page().getByRole('button', { name: 'Save URL' }).click();
    const refusal = web
      .page()
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
    await web.page().getByRole('link', { name: 'Keys' }).click();
    await web.page().getByRole('button', { name: 'More for E2E Client' }).click();
    await web.page().getByRole('menuitem', { name: 'Revoke E2E Client' }).click();
    await shoot('revoke-confirm');
    await web.page().getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await web
      .page()
      .getByRole('row', { name: /E2E Client/ })
      .getByText('revoked')
      .waitFor();
    await sleep(2_000);
    await assert.rejects(mcpClient(secret), /401|invalid_api_key/);
  });

  test('Sign out ends the session: the sign-in page shows, and the API refuses the old cookie', async () => {
    await web.page().getByRole('button', { name: 'Sign out' }).click();
    await web.page().getByRole('heading', { name: 'Sign in to MCP Tray' }).waitFor();
    const status = await web.page().evaluate(async () => (await fetch('/api/session')).status);
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

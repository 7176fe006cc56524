import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { dashboardPageDuringTests } from '../support/dashboard-page.ts';

// Settings > Expose to the internet, against a real serve with the cloudflared stand-in on its PATH.
const STAND_IN = join(import.meta.dirname, '..', 'support', 'tunnel-stand-in');
const web = dashboardPageDuringTests(async () => {}, {
  env: { PATH: `${STAND_IN}:${process.env['PATH'] ?? ''}` },
});
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
});

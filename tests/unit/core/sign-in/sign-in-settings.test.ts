import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileSecretStore } from '../../../../src-main/core/keys/file-secret-store.ts';
import { oauthConfigFromEnv } from '../../../../src-main/core/sign-in/sign-in-config.ts';
import { CLIENT_SECRET_ACCOUNT, OAuthSettings } from '../../../../src-main/core/sign-in/sign-in-settings.ts';
import { SettingsFile } from '../../../../src-main/core/settings/settings-file.ts';

// The secret store here is the headless file mode; the keychain path is tested against a real Secret Service
// in tests/e2e/sign-in-settings.test.ts.
function setup(env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sign-in-settings-'));
  const secrets = new FileSecretStore(dir);
  const file = new SettingsFile(dir);
  const settings = new OAuthSettings({ env: oauthConfigFromEnv(env), file, secrets, port: () => 4321 });
  return { dir, secrets, file, settings };
}

test('nothing set: off, no providers, and the callback URL follows the port', async () => {
  const { settings } = setup();
  assert.deepEqual(await settings.config(), {
    enabled: false,
    redirectUri: 'http://localhost:4321/auth/oauth/callback',
  });
  const view = await settings.setup();
  assert.equal(view.github.clientId, null);
  assert.equal(view.google.serverUrl, 'https://accounts.google.com');
});

test('a provider saved in Settings: id and URLs in settings.json, the secret in the secret store', async () => {
  const { dir, secrets, settings } = setup();
  await assert.rejects(
    settings.update({ google: { clientId: 'g-id' } }),
    /Paste the Google client secret too/,
  );
  await settings.update({
    google: { clientId: 'g-id', clientSecret: 'g-secret-value', issuer: 'https://idp.example/' },
  });
  assert.equal(await secrets.get(CLIENT_SECRET_ACCOUNT.google), 'g-secret-value');
  assert.ok(!readFileSync(join(dir, 'settings.json'), 'utf8').includes('g-secret-value'));
  assert.deepEqual((await settings.config()).google, {
    clientId: 'g-id',
    clientSecret: 'g-secret-value',
    issuer: 'https://idp.example',
  });
  assert.equal((await settings.config()).enabled, true, 'the first provider turns sign-in on');

  await settings.update({ google: { clientId: 'g-id-2' } });
  assert.equal((await settings.config()).google?.clientSecret, 'g-secret-value', 'no new secret: kept');
  assert.equal((await settings.config()).google?.issuer, 'https://idp.example', 'issuer kept');

  await settings.update({ enabled: false });
  await settings.update({ github: { clientId: 'gh', clientSecret: 'gh-secret' } });
  assert.equal((await settings.config()).enabled, false, 'turned off on purpose stays off');

  await settings.update({ google: null });
  assert.equal(await secrets.get(CLIENT_SECRET_ACCOUNT.google), undefined, 'removing deletes the secret');
  assert.equal((await settings.config()).google, undefined);
  assert.equal((await settings.setup()).github.apiUrl, 'https://api.github.com');
});

test('the environment wins, is shown as such, and cannot be changed from Settings', async () => {
  const { settings } = setup({
    MCP_OAUTH_ENABLED: 'true',
    MCP_OAUTH_GITHUB_CLIENT_ID: 'env-id',
    MCP_OAUTH_GITHUB_CLIENT_SECRET: 'env-secret',
    MCP_OAUTH_REDIRECT_URI: 'https://tray.example.com/auth/oauth/callback',
  });
  const view = await settings.setup();
  assert.equal(view.enabledFromEnvironment, true);
  assert.equal(view.callbackUrl, 'https://tray.example.com/auth/oauth/callback');
  assert.deepEqual(
    { id: view.github.clientId, env: view.github.fromEnvironment, saved: view.github.secretSaved },
    { id: 'env-id', env: true, saved: true },
  );
  assert.ok(!JSON.stringify(view).includes('env-secret'), 'no secret in what Settings shows');
  await assert.rejects(settings.update({ github: null }), /set by MCP_OAUTH_GITHUB_CLIENT_ID/);
  await assert.rejects(settings.update({ enabled: false }), /MCP_OAUTH_ENABLED decides/);
});

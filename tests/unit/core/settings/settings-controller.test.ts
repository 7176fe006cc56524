import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { allowedHostHeaders } from '../../../../src-main/core/http/host-allowlist.ts';
import {
  normalizePublicUrl,
  settingsController,
} from '../../../../src-main/core/settings/settings-controller.ts';
import { SettingsFile } from '../../../../src-main/core/settings/settings-file.ts';

const OWN = ['my-laptop', 'my-laptop.local', '192.168.1.20'];
const refusal = (value: string) => {
  try {
    normalizePublicUrl(value, OWN);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('the public URL field', () => {
  test('takes an https address with a host name, and http://localhost for testing', () => {
    assert.equal(normalizePublicUrl('https://Tray.Example.com', OWN), 'https://tray.example.com');
    assert.equal(
      normalizePublicUrl(' https://abc-12.trycloudflare.com/ ', OWN),
      'https://abc-12.trycloudflare.com',
    );
    assert.equal(normalizePublicUrl('https://tray.example.com:8443', OWN), 'https://tray.example.com:8443');
    assert.equal(normalizePublicUrl('http://localhost:8080', OWN), 'http://localhost:8080');
  });

  test('refuses, with the reason, what no client on the internet could use', () => {
    assert.match(refusal('http://tray.example.com'), /must start with https/);
    assert.match(refusal('http://127.0.0.1:3210'), /must start with https/);
    assert.match(refusal('https://tray.example.com/mcp'), /no path, query or #fragment/);
    assert.match(refusal('https://tray.example.com/?a=1'), /no path, query or #fragment/);
    assert.match(refusal('https://tray.example.com#x'), /no path, query or #fragment/);
    assert.match(refusal('https://user:pw@tray.example.com'), /user name or password/);
    for (const own of [
      'https://127.0.0.1:3210',
      'https://localhost',
      'https://[::1]:3210',
      'https://127.8.9.1',
    ]) {
      assert.match(refusal(own), /is this computer/, own);
    }
    assert.match(refusal('https://my-laptop.local'), /is this computer/);
    assert.match(refusal('https://192.168.1.20'), /is this computer/);
    assert.match(refusal('https://203.0.113.7'), /host name rather than an IP address/);
    assert.match(refusal('https://intranet'), /not a valid host name/);
    assert.match(refusal('https://bad_name.example.com'), /not a valid host name/);
    assert.match(refusal('tray.example.com'), /not a URL/);
  });
});

function controller(dataDir: string, allowedHosts: Set<string>) {
  const live = { allowQueryKey: true, oauthLocal: false, publicBaseUrl: undefined };
  return settingsController({
    file: new SettingsFile(dataDir),
    live,
    runningPort: 3210,
    host: '127.0.0.1',
    dataDir,
    secretsIn: 'the keychain',
    allowedHosts,
  });
}

describe('saving public URLs', () => {
  test('loopback names stay answered whatever public URL comes and goes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-settings-'));
    const hosts = allowedHostHeaders(3210, ['127.0.0.1', 'localhost', '[::1]']);
    const loopback = [...hosts];
    const settings = controller(dataDir, hosts);
    await settings.update({ publicBaseUrl: 'http://localhost:3210' });
    await settings.update({ publicBaseUrl: 'https://one.example.com' });
    assert.ok(hosts.has('one.example.com'));
    await settings.update({ publicBaseUrl: 'https://two.example.com' });
    assert.ok(!hosts.has('one.example.com') && hosts.has('two.example.com'));
    await settings.update({ publicBaseUrl: null });
    assert.deepEqual([...hosts].sort(), loopback.sort());
  });

  test('clearing the URL removes it from settings.json, and keeps the other settings', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-settings-'));
    const settings = controller(dataDir, new Set());
    await settings.update({ publicBaseUrl: 'https://tray.example.com', allowQueryKey: false });
    const file = () =>
      JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(file()['publicBaseUrl'], 'https://tray.example.com');
    const view = await settings.update({ publicBaseUrl: null });
    assert.equal(view.publicBaseUrl, null);
    assert.deepEqual(file(), { allowQueryKey: false });
    // A restart reads no URL.
    assert.equal((await new SettingsFile(dataDir).read()).settings.publicBaseUrl, undefined);
  });
});

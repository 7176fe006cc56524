import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OAUTH_FILE, OAuthStore } from '../../../../src-main/core/oauth/oauth-store.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'mcp-tray-oauth-store-'));

describe('the authorization server’s store (oauth.json)', () => {
  test('what was acknowledged is on disk (0600) and read back by the next run; expired entries go', async () => {
    const dir = folder();
    let now = 1_000_000;
    const warnings: string[] = [];
    const store = await OAuthStore.open(
      dir,
      () => now,
      (m) => warnings.push(m),
    );
    await store.adapter('Client').upsert('c1', { client_id: 'c1', client_name: 'ChatGPT' });
    await store.adapter('AuthorizationCode').upsert('code1', { grantId: 'g1' }, 600);
    await store.adapter('RefreshToken').upsert('rt1', { grantId: 'g1' }, 3600);
    assert.equal(statSync(join(dir, OAUTH_FILE)).mode & 0o777, 0o600);
    now += 601_000;
    const again = await OAuthStore.open(
      dir,
      () => now,
      (m) => warnings.push(m),
    );
    assert.deepEqual(await again.adapter('Client').find('c1'), { client_id: 'c1', client_name: 'ChatGPT' });
    assert.equal(
      await again.adapter('AuthorizationCode').find('code1'),
      undefined,
      'a code lasts 10 minutes',
    );
    assert.deepEqual(await again.adapter('RefreshToken').find('rt1'), { grantId: 'g1' });
    assert.deepEqual(warnings, []);
  });

  test('consume marks an entry used; revoking a grant takes its tokens and codes, and no other grant’s', async () => {
    const store = await OAuthStore.open(
      folder(),
      () => 5_000,
      () => {},
    );
    await store.adapter('Grant').upsert('g1', { accountId: 'key:k1' }, 3600);
    await store.adapter('Grant').upsert('g2', { accountId: 'key:k2' }, 3600);
    await store.adapter('RefreshToken').upsert('rt1', { grantId: 'g1' }, 3600);
    await store.adapter('RefreshToken').upsert('rt2', { grantId: 'g2' }, 3600);
    await store.adapter('RefreshToken').consume('rt2');
    assert.equal((await store.adapter('RefreshToken').find('rt2'))?.consumed, 5);
    await store.revokeGrant('g1');
    assert.equal(store.find('Grant', 'g1'), undefined);
    assert.equal(store.find('RefreshToken', 'rt1'), undefined);
    assert.ok(store.find('Grant', 'g2') !== undefined && store.find('RefreshToken', 'rt2') !== undefined);
  });

  test('a file that cannot be read is kept aside, said, and the server starts without connected apps', async () => {
    const dir = folder();
    writeFileSync(join(dir, OAUTH_FILE), '{"version":1,"models":');
    const warnings: string[] = [];
    const store = await OAuthStore.open(
      dir,
      () => 0,
      (m) => warnings.push(m),
    );
    assert.equal(store.entries('Grant').length, 0);
    assert.match(warnings[0] ?? '', /could not be read \(not JSON\).*kept as .*corrupt.*connect again/);
    const aside = readdirSync(dir).find((name) => name.includes('.corrupt-'));
    assert.equal(readFileSync(join(dir, aside ?? ''), 'utf8'), '{"version":1,"models":');
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { keyRecord } from '../../../support/key-record.ts';
import {
  keyIdOfAccount,
  readKeySecrets,
  rotatedAccount,
  secretAccountOf,
  strayAccounts,
} from '../../../../src-main/core/keys/key-secrets.ts';
import { FileSecretStore } from '../../../../src-main/core/keys/file-secret-store.ts';
import type { SecretStore } from '../../../../src-main/core/keys/secret-store.ts';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');

test('a key is at its id until a rotation moves it to <id>.<time>', () => {
  assert.equal(secretAccountOf(keyRecord('key_a')), 'key_a');
  const moved = rotatedAccount('key_a', NOW);
  assert.match(moved, /^key_a\.[0-9a-z]+$/);
  assert.equal(keyIdOfAccount(moved), 'key_a');
  assert.equal(secretAccountOf(keyRecord('key_a', { secretAccount: moved })), moved);
});

test('stray accounts: orphans of unlisted keys, and old secrets of listed keys once a rotation is done', () => {
  const inFlight = rotatedAccount('key_b', NOW - 5_000);
  const abandoned = rotatedAccount('key_b', NOW - 120_000);
  const current = rotatedAccount('key_a', NOW - 300_000);
  const stray = strayAccounts(
    [keyRecord('key_a', { secretAccount: current }), keyRecord('key_b')],
    ['key_a', current, 'key_b', inFlight, abandoned, 'key_gone', 'session-signing-key'],
    NOW,
  );
  assert.deepEqual(stray.orphans, ['key_gone']);
  // key_a's first secret is replaced; key_b's 5-second-old rotation may still be writing keys.json.
  assert.deepEqual(stray.leftovers, ['key_a', abandoned]);
});

/** A store that answers reads with "nothing here" and fails writes, as a restarted, locked keyring does. */
function lockedStore(): SecretStore & { checks: number } {
  return {
    label: 'a locked keyring',
    checks: 0,
    list: () => Promise.resolve(new Map()),
    get: () => Promise.resolve(undefined),
    set: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
    delete: () => Promise.resolve(false),
    check() {
      this.checks++;
      return Promise.reject(new Error('Cannot create an item in a locked collection'));
    },
  };
}

test('a store holding none of the active keys’ secrets must prove it can be written', async () => {
  const locked = lockedStore();
  await assert.rejects(readKeySecrets(locked, [keyRecord('key_a')]), /locked collection/);
  assert.equal(locked.checks, 1);
  // No active key: an empty answer is simply the truth, and nothing is probed.
  assert.deepEqual(
    await readKeySecrets(locked, [keyRecord('key_a', { revokedAt: '2026-11-30T00:00:00.000Z' })]),
    new Map(),
  );
  assert.equal(locked.checks, 1);
});

test('a working store with the secrets really gone answers empty', async () => {
  const store = new FileSecretStore(mkdtempSync(join(tmpdir(), 'mcp-tray-secrets-')));
  await store.set('key_other', 'x');
  const secrets = await readKeySecrets(store, [keyRecord('key_a')]);
  assert.deepEqual([...secrets.keys()], ['key_other']);
});

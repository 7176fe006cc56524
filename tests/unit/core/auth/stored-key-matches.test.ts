import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedKeyMatches } from '../../../../src-main/core/auth/stored-keys.ts';
import { secretDigest } from '../../../../src-main/core/auth/secret-digest.ts';
import type { KeyRecord } from '../../../../src-main/core/keys/key-record.ts';

function record(id: string, changes: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id,
    name: `Key ${id}`,
    userId: 'me',
    role: 'user',
    permissions: ['*'],
    prefix: 'mcp_sk_abcd…',
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    revokedAt: null,
    rotatedAt: null,
    rateLimit: null,
    grace: null,
    ...changes,
  };
}

test('active keys match by their secret’s digest, with expiry and rate limit', () => {
  const matches = storedKeyMatches(
    [record('a', { expiresAt: '2030-01-01T00:00:00.000Z', rateLimit: { limit: 5, windowSeconds: 1 } })],
    new Map([['a', 'secret-a']]),
  );
  const match = matches.get(secretDigest('secret-a'));
  assert.equal(match?.caller.keyId, 'a');
  assert.equal(match?.caller.source, 'stored');
  assert.equal(match?.expiresAt, Date.parse('2030-01-01T00:00:00.000Z'));
  assert.deepEqual(match?.rateLimit, { limit: 5, windowSeconds: 1 });
});

test('revoked keys and keys without a secret never match; secrets without a record are ignored', () => {
  const matches = storedKeyMatches(
    [record('revoked', { revokedAt: '2026-01-02T00:00:00.000Z' }), record('nosecret')],
    new Map([
      ['revoked', 'secret-r'],
      ['orphan', 'secret-o'],
    ]),
  );
  assert.equal(matches.size, 0);
});

test('an old secret in its grace period matches until the grace ends', () => {
  const until = '2026-06-01T00:00:00.000Z';
  const matches = storedKeyMatches(
    [record('a', { grace: { digest: secretDigest('old'), until } })],
    new Map([['a', 'new']]),
  );
  assert.equal(matches.get(secretDigest('new'))?.validUntil, undefined);
  assert.equal(matches.get(secretDigest('old'))?.validUntil, Date.parse(until));
});

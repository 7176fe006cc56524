import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedKeyMatches } from '../../../../src-main/core/auth/stored-key-registry.ts';
import { secretDigest } from '../../../../src-main/core/secret-digest.ts';
import { keyRecord } from '../../../support/key-record.ts';

/** What the server keeps of each secret: its digest, by secret-store account. */
function digests(entries: [string, string][]): Map<string, string> {
  return new Map(entries.map(([account, secret]) => [account, secretDigest(secret)]));
}

test('active keys match by their secret’s digest, with expiry and rate limit', () => {
  const matches = storedKeyMatches(
    [keyRecord('a', { expiresAt: '2030-01-01T00:00:00.000Z', rateLimit: { limit: 5, windowSeconds: 1 } })],
    digests([['a', 'secret-a']]),
  );
  const match = matches.get(secretDigest('secret-a'));
  assert.equal(match?.caller.keyId, 'a');
  assert.equal(match?.caller.source, 'stored');
  assert.equal(match?.expiresAt, Date.parse('2030-01-01T00:00:00.000Z'));
  assert.deepEqual(match?.rateLimit, { limit: 5, windowSeconds: 1 });
});

test('revoked keys and keys without a secret never match; secrets without a record are ignored', () => {
  const matches = storedKeyMatches(
    [keyRecord('revoked', { revokedAt: '2026-01-02T00:00:00.000Z' }), keyRecord('nosecret')],
    digests([
      ['revoked', 'secret-r'],
      ['orphan', 'secret-o'],
    ]),
  );
  assert.equal(matches.size, 0);
});

test('an old secret in its grace period matches until the grace ends', () => {
  const until = '2026-06-01T00:00:00.000Z';
  const matches = storedKeyMatches(
    [keyRecord('a', { grace: { digest: secretDigest('old'), until } })],
    digests([['a', 'new']]),
  );
  assert.equal(matches.get(secretDigest('new'))?.validUntil, undefined);
  assert.equal(matches.get(secretDigest('old'))?.validUntil, Date.parse(until));
});

test('a rotated key matches by the secret under its new account, not the one under its id', () => {
  const matches = storedKeyMatches(
    [keyRecord('a', { secretAccount: 'a.m1' })],
    digests([
      ['a', 'before-rotation'],
      ['a.m1', 'after-rotation'],
    ]),
  );
  assert.equal(matches.get(secretDigest('after-rotation'))?.caller.keyId, 'a');
  assert.equal(matches.get(secretDigest('before-rotation')), undefined);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  displayPrefix,
  generateKeyId,
  generateSecret,
  isSecretFormat,
} from '../../../../src-main/core/keys/secret-format.ts';

test('secrets: mcp_sk_ and 256 random bits in base64url, never twice the same', () => {
  const secrets = new Set(Array.from({ length: 1000 }, generateSecret));
  assert.equal(secrets.size, 1000);
  for (const secret of secrets) {
    assert.ok(isSecretFormat(secret), secret);
    assert.equal(Buffer.from(secret.slice(7), 'base64url').length, 32);
  }
});

test('a listing shows only the prefix and four characters', () => {
  assert.equal(displayPrefix('mcp_sk_AbCdEfGh'), 'mcp_sk_AbCd…');
});

test('key ids are distinct and not secret-shaped', () => {
  const id = generateKeyId();
  assert.match(id, /^key_[A-Za-z0-9_-]{12}$/);
  assert.ok(!isSecretFormat(id));
  assert.notEqual(generateKeyId(), id);
});

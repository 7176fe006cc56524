import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError, InputError, KeychainError, NotFoundError } from '../../../../src-main/core/app-error.ts';
import { callError } from '../../../../src-main/core/dashboard/call-error.ts';
import { httpStatusOf } from '../../../../src-main/core/http/error-status.ts';

test('HTTP statuses follow the error class', () => {
  assert.equal(httpStatusOf(new NotFoundError('unknown_channel', 'x')), 404);
  assert.equal(httpStatusOf(new InputError('invalid_public_url', 'x')), 400);
  assert.equal(httpStatusOf(new KeychainError('keychain_locked', 'x')), 503);
  assert.equal(httpStatusOf(new AppError('provider_unreachable', 'x')), 502);
  assert.equal(httpStatusOf(new AppError('last_owner', 'x')), 400);
});

test('a dashboard call error carries code, message and field; a fault of ours says only "see the log"', () => {
  const input = callError(new InputError('invalid_public_url', 'Not a URL.', { field: 'publicBaseUrl' }));
  assert.deepEqual(input, {
    error: { code: 'invalid_public_url', message: 'Not a URL.', field: 'publicBaseUrl' },
    status: 400,
    expected: true,
  });
  assert.deepEqual(callError(new KeychainError('keychain_locked', 'Locked.')).error, {
    code: 'keychain_locked',
    message: 'Locked.',
  });
  const fault = callError(new TypeError('secret-bearing detail'));
  assert.equal(fault.status, 500);
  assert.equal(fault.expected, false);
  assert.doesNotMatch(fault.error.message, /secret-bearing/);
});

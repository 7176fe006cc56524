import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_CODES, isErrorCode } from '../../../src-shared/error-codes.ts';

test('the error catalog: each code once, in snake_case, and recognised', () => {
  assert.equal(new Set(ERROR_CODES).size, ERROR_CODES.length);
  for (const code of ERROR_CODES) assert.match(code, /^[a-z]+(_[a-z]+)*$/, code);
  assert.ok(isErrorCode('invalid_api_key'));
  assert.ok(!isErrorCode('made_up'));
  assert.ok(!isErrorCode(undefined));
});

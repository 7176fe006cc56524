import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INVOKE_CHANNELS } from '../../../src-shared/dashboard-contract.ts';
import { invokeInputs } from '../../../src-shared/dashboard-inputs.ts';

test('the contract names exactly the channels that have input schemas', () => {
  assert.deepEqual([...INVOKE_CHANNELS].sort(), Object.keys(invokeInputs).sort());
});

test('inputs are validated: unknown shapes and out-of-range values are refused', () => {
  assert.equal(invokeInputs['keys.create'].safeParse({ name: 'A', permissions: ['*'] }).success, true);
  assert.equal(invokeInputs['keys.create'].safeParse({ name: '', permissions: ['*'] }).success, false);
  assert.equal(invokeInputs['keys.create'].safeParse({ name: 'A', permissions: [] }).success, false);
  assert.equal(invokeInputs['keys.rotate'].safeParse({ id: 'k', graceSeconds: -1 }).success, false);
  assert.equal(invokeInputs['activity.list'].safeParse({ limit: 10_000 }).success, false);
});

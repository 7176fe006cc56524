import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LegacyCancellations } from '../../../../src-main/core/mcp/legacy-cancellations.ts';

const cancelled = (requestId: unknown) => ({
  jsonrpc: '2.0' as const,
  method: 'notifications/cancelled',
  params: { requestId },
});

test('a key cancels its own request by id, never another key’s, and nothing once it is answered', () => {
  const cancellations = new LegacyCancellations();
  const mine = new AbortController();
  const theirs = new AbortController();
  const doneMine = cancellations.track('key_a', 7, mine);
  cancellations.track('key_b', 7, theirs);
  cancellations.cancel('key_a', [cancelled(8)]);
  assert.equal(mine.signal.aborted, false, 'another id cancels nothing');
  cancellations.cancel('key_a', [cancelled(7)]);
  assert.equal(mine.signal.aborted, true);
  assert.equal(theirs.signal.aborted, false, 'the same id of another key is not touched');
  doneMine();
  const next = new AbortController();
  cancellations.track('key_a', '7', next);
  cancellations.cancel('key_a', [cancelled(7)]);
  assert.equal(next.signal.aborted, false, 'the string "7" is not the number 7');
});

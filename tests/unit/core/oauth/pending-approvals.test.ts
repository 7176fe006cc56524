import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PendingApprovals } from '../../../../src-main/core/oauth/pending-approvals.ts';

const request = (uid: string) => ({ uid, clientName: `App ${uid}`, redirectHost: 'chatgpt.com' });

describe('apps waiting for the owner’s answer', () => {
  test('listed once, answered once, taken once; an answer to a gone request is refused', () => {
    let now = 0;
    const pending = new PendingApprovals(() => now);
    let changes = 0;
    pending.onChange = () => (changes += 1);
    assert.equal(pending.ask(request('a')), true);
    assert.equal(pending.ask(request('a')), false, 'a reload of the page is the same request');
    assert.deepEqual(
      pending.waiting().map((item) => item.uid),
      ['a'],
    );
    assert.equal(pending.take('a'), undefined, 'no answer yet');
    assert.equal(pending.decide('a', { kind: 'owner', preset: 'tools' }), true);
    assert.equal(pending.decide('a', 'denied'), false, 'answered already');
    assert.deepEqual(pending.waiting(), [], 'an answered request no longer waits');
    assert.deepEqual(pending.take('a'), { kind: 'owner', preset: 'tools' });
    assert.equal(pending.take('a'), undefined, 'an answer is used once');
    assert.equal(changes, 2);
    now = 1;
    pending.ask(request('b'));
    now = 11 * 60_000;
    assert.equal(pending.decide('b', 'denied'), false, 'expired with its authorization request');
  });

  test('at most ten wait at once: a flood from the internet pushes out the oldest, not the server', () => {
    const pending = new PendingApprovals(() => 0);
    for (let i = 0; i < 25; i += 1) pending.ask(request(String(i)));
    assert.deepEqual(
      pending.waiting().map((item) => item.uid),
      ['15', '16', '17', '18', '19', '20', '21', '22', '23', '24'],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RateLimiter } from '../../../../src-main/core/auth/rate-limiter.ts';
import { FailedAuthLockout } from '../../../../src-main/core/auth/failed-auth-lockout.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('token bucket', () => {
  test('a key may burst to its limit, then waits for the refill', () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 600, windowSeconds: 60 }, time.now);
    for (let i = 0; i < 600; i += 1) assert.ok(limiter.take('k').allowed, `request ${i}`);
    const refused = limiter.take('k');
    assert.equal(refused.allowed, false);
    assert.equal(refused.remaining, 0);
    assert.equal(refused.retryAfterSeconds, 1);
    time.advance(100); // 600/min = one every 100 ms
    assert.ok(limiter.take('k').allowed);
    assert.equal(limiter.take('k').allowed, false);
  });

  test('reports limit, remaining and seconds until full', () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 600, windowSeconds: 60 }, time.now);
    const first = limiter.take('k', { limit: 3, windowSeconds: 60 });
    assert.deepEqual(
      { limit: first.limit, remaining: first.remaining, reset: first.resetSeconds },
      { limit: 3, remaining: 2, reset: 20 },
    );
  });

  test('keys have their own buckets; a key’s own limit replaces the default', () => {
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 60 }, clock().now);
    assert.ok(limiter.take('a').allowed);
    assert.ok(!limiter.take('a').allowed);
    assert.ok(limiter.take('b').allowed);
    assert.ok(limiter.take('c', { limit: 2, windowSeconds: 1 }).allowed);
    assert.ok(limiter.take('c', { limit: 2, windowSeconds: 1 }).allowed);
    assert.ok(!limiter.take('c', { limit: 2, windowSeconds: 1 }).allowed);
  });
});

describe('failed-auth lockout', () => {
  test('more than 20 failures within a minute lock the address for five minutes', () => {
    const time = clock();
    const lockout = new FailedAuthLockout(time.now);
    for (let i = 0; i < 20; i += 1) lockout.recordFailure('1.2.3.4');
    assert.equal(lockout.retryAfterSeconds('1.2.3.4'), 0);
    lockout.recordFailure('1.2.3.4');
    assert.equal(lockout.retryAfterSeconds('1.2.3.4'), 300);
    assert.equal(lockout.retryAfterSeconds('5.6.7.8'), 0, 'other addresses are unaffected');
    time.advance(300_000);
    assert.equal(lockout.retryAfterSeconds('1.2.3.4'), 0);
  });

  test('failures spread over more than a minute do not add up', () => {
    const time = clock();
    const lockout = new FailedAuthLockout(time.now);
    for (let i = 0; i < 40; i += 1) {
      lockout.recordFailure('a');
      time.advance(4_000);
    }
    assert.equal(lockout.retryAfterSeconds('a'), 0);
  });
});

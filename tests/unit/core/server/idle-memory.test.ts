import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setImmediate as turn } from 'node:timers/promises';
import { exposedGc } from '../../../../src-main/app/exposed-gc.ts';
import {
  IdleRelease,
  memoryReducingCollection,
  type Schedule,
} from '../../../../src-main/core/server/idle-memory.ts';

/** A clock the test moves, and the timers it fires when the clock passes them. */
function manualTime() {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  const schedule: Schedule = (run, ms) => {
    const timer = { at: now + ms, run };
    timers.push(timer);
    return () => (timers = timers.filter((other) => other !== timer));
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      timers = timers.filter((timer) => timer !== next);
      now = next.at;
      next.run();
    }
    now = until;
  };
  return { schedule, advance, now: () => now, pending: () => timers.length };
}

function idle(idleMs = 10_000, gapMs = 60_000) {
  const time = manualTime();
  const releases: number[] = [];
  const release = new IdleRelease({
    release: () => releases.push(time.now()),
    now: time.now,
    idleMs,
    gapMs,
    schedule: time.schedule,
  });
  return { time, releases, release };
}

describe('idle memory release', () => {
  test('while requests keep coming nothing is released; once they stop for the idle time, once', () => {
    const { time, releases, release } = idle();
    for (let second = 0; second < 120; second += 2) {
      release.activity();
      time.advance(2_000);
    }
    assert.deepEqual(releases, []);
    time.advance(10_000);
    assert.equal(releases.length, 1);
    // The last request came at 118 s: released 10 s after it, not sooner and not a timer period later.
    assert.deepEqual(releases, [118_000 + 10_000]);
    time.advance(600_000);
    assert.equal(releases.length, 1, 'an idle server is released once, not once per idle period');
    assert.equal(time.pending(), 0, 'no timer left running while idle');
  });

  test('a client that polls now and then is released at most once a minute', () => {
    const { time, releases, release } = idle();
    for (let poll = 0; poll < 30; poll += 1) {
      release.activity();
      time.advance(12_000);
    }
    // 30 polls 12 s apart (6 minutes), each followed by 12 s without a request: released, but not each time.
    assert.ok(releases.length >= 3 && releases.length <= 6, `released ${releases.length} times`);
    for (let i = 1; i < releases.length; i += 1) assert.ok(releases[i]! - releases[i - 1]! >= 60_000);
  });

  test('closing stops the timer: no release after the server stopped', () => {
    const { time, releases, release } = idle();
    release.activity();
    release.close();
    time.advance(60_000);
    assert.deepEqual(releases, []);
    assert.equal(time.pending(), 0);
  });

  test("V8's gc is asked for a full, memory-reducing collection; without gc there is none", () => {
    const calls: unknown[] = [];
    memoryReducingCollection({ gc: (options: unknown) => calls.push(options) })?.();
    assert.deepEqual(calls, [{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
    assert.equal(memoryReducingCollection({}), undefined);
  });

  test("the desktop app's collection is V8's own: what nothing refers to is gone after it", async () => {
    const collect = exposedGc();
    assert.ok(collect, 'the main process can always make its own gc');
    let held: object | undefined = { big: new Array(100_000).fill(1) };
    const ref = new WeakRef(held);
    held = undefined;
    // A WeakRef's target is kept until the current job ends, so the collection runs on a later turn.
    await turn();
    collect();
    assert.equal(ref.deref(), undefined);
  });
});

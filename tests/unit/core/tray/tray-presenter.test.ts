import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUSY_HOLD_MS } from '../../../../src-main/core/tray/busy-hold.ts';
import type { TrayInput, TrayModel } from '../../../../src-main/core/tray/tray-model.ts';
import { TrayPresenter } from '../../../../src-main/core/tray/tray-presenter.ts';

function setup() {
  let now = 1_000_000;
  const rendered: TrayModel[] = [];
  const timers: { at: number; run: () => void }[] = [];
  const state: Omit<TrayInput, 'busy'> = {
    state: 'running',
    host: '127.0.0.1',
    port: 3210,
    keys: [{ id: 'key_a', name: 'Cursor' }],
    signInWith: [],
    launchAtLogin: false,
  };
  const presenter = new TrayPresenter({
    render: (model) => rendered.push(model),
    state: () => state,
    now: () => now,
    timers: { setTimeout: (run, ms) => timers.push({ at: now + ms, run }) },
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0)) {
      if (timer.at <= now) timer.run();
      else timers.push(timer);
    }
  };
  return { presenter, rendered, timers, state, advance };
}

test('the tray renders only when what it shows changes', () => {
  const { presenter, rendered, state } = setup();
  presenter.refresh();
  presenter.refresh();
  assert.equal(rendered.length, 1);
  state.state = 'paused';
  presenter.refresh();
  assert.equal(rendered.length, 2);
  assert.notDeepEqual(rendered[0], rendered[1]);
});

test('a burst of requests shows busy once, held a second after the last, then idle again by itself', () => {
  const { presenter, rendered, timers, advance } = setup();
  presenter.refresh();
  for (let i = 0; i < 50; i += 1) {
    presenter.requestStarted();
    presenter.requestFinished();
  }
  assert.equal(rendered.length, 2, 'idle, then busy: no flicker');
  assert.equal(timers.length, 1, 'one pending idle check');
  const busyIcon = rendered[1]?.icon;
  advance(BUSY_HOLD_MS + 20);
  assert.equal(rendered.length, 3);
  assert.notEqual(rendered[2]?.icon, busyIcon);
  assert.deepEqual(rendered[2], rendered[0]);
});

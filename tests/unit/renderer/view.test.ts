import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  describePermissions,
  presetOf,
  presetPermissions,
} from '../../../src-renderer/src/view/permission-presets.ts';
import { expiryLabel, timeAgo, uptimeLabel } from '../../../src-renderer/src/view/time-format.ts';

describe('permission presets', () => {
  test('each preset grants what its label says', () => {
    assert.deepEqual(presetPermissions('full', ['x']), ['*']);
    assert.deepEqual(presetPermissions('read-only', ['x']), ['tools:list', 'status:read']);
    assert.deepEqual(presetPermissions('tools', ['whoami', 'fs_read']), [
      'tools:list',
      'tools:call:whoami',
      'tools:call:fs_read',
    ]);
  });

  test('a key’s permissions map back to the preset, for editing', () => {
    for (const [preset, tools] of [
      ['full', []],
      ['read-only', []],
      ['tools', ['whoami']],
    ] as const) {
      assert.deepEqual(presetOf(presetPermissions(preset, tools)), { preset, tools: [...tools] });
    }
  });

  test('the keys table says what a key may do in words', () => {
    assert.equal(describePermissions(['*']), 'Full access');
    assert.equal(describePermissions(['tools:list', 'status:read']), 'list tools · status');
    assert.equal(describePermissions(['tools:list', 'tools:call:whoami', 'tools:call:fs_*']), 'whoami, fs_*');
    assert.equal(describePermissions(['tools:call']), 'all tools');
  });
});

describe('time labels', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  test('how long ago', () => {
    assert.equal(timeAgo(null, now), 'never');
    assert.equal(timeAgo('2026-11-27T11:59:50Z', now), 'just now');
    assert.equal(timeAgo('2026-11-27T11:50:00Z', now), '10 min ago');
    assert.equal(timeAgo('2026-11-27T09:00:00Z', now), '3 h ago');
    assert.equal(timeAgo('2026-11-25T12:00:00Z', now), '2 days ago');
    assert.equal(timeAgo('2026-10-01T12:00:00Z', now), '2026-10-01');
  });

  test('when a key expires', () => {
    assert.equal(expiryLabel(null, now), 'never');
    assert.equal(expiryLabel('2026-11-27T11:00:00Z', now), 'expired');
    assert.equal(expiryLabel('2026-11-27T12:30:00Z', now), 'in 30 min');
    assert.equal(expiryLabel('2026-12-27T12:00:00Z', now), 'in 30 days');
  });

  test('uptime', () => {
    assert.equal(uptimeLabel(42), '42 s');
    assert.equal(uptimeLabel(3725), '1 h 2 min');
    assert.equal(uptimeLabel(3 * 86_400), '3 days');
  });
});

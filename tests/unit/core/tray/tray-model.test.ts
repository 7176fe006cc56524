import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BusyHold } from '../../../../src-main/core/tray/busy-hold.ts';
import {
  failedServersProblem,
  trayModel,
  type TrayInput,
  type TrayMenuItem,
} from '../../../../src-main/core/tray/tray-model.ts';

const base: TrayInput = {
  state: 'running',
  busy: false,
  host: '127.0.0.1',
  port: 3210,
  keys: [
    { id: 'key_a', name: 'Cursor' },
    { id: 'key_b', name: 'Claude Code' },
    { id: 'key_c', name: 'Codex' },
  ],
  signInWith: ['github'],
  launchAtLogin: false,
};

const labels = (items: TrayMenuItem[]) =>
  items.map((item) => (item.type === 'separator' ? '---' : item.label));

describe('the tray model', () => {
  test('a failed server of the user’s turns the icon to error and is named in the tooltip and menu', () => {
    const servers = [
      { name: 'github', state: 'failed' },
      { name: 'files', state: 'running' },
      { name: 'db', state: 'crashed' },
    ];
    const problem = failedServersProblem(servers);
    assert.equal(problem, 'server "github" failed (see Servers in the dashboard)');
    const model = trayModel({ ...base, ...(problem !== undefined && { problem }) });
    assert.equal(model.icon, 'error');
    assert.match(model.tooltip, /running on 127\.0\.0\.1:3210, 3 keys; server "github" failed/);
    assert.match(labels(model.menu)[0] ?? '', /server "github" failed/);
    assert.equal(
      failedServersProblem([...servers, { name: 'git', state: 'failed' }]),
      'servers "github", "git" failed (see Servers in the dashboard)',
    );
    assert.equal(failedServersProblem(servers.slice(1)), undefined, 'restarting is not failed');
  });

  test('running: icon, tooltip and the full menu', () => {
    const model = trayModel(base);
    assert.equal(model.icon, 'running');
    assert.equal(model.tooltip, 'MCP Tray: running on 127.0.0.1:3210, 3 keys');
    assert.deepEqual(labels(model.menu), [
      'Running on 127.0.0.1:3210',
      '---',
      'Copy connector key',
      'Copy MCP URL',
      'Expose to the internet',
      'Open dashboard',
      '---',
      'Stop server',
      'Sign in with GitHub',
      'Launch at login',
      '---',
      'Quit',
    ]);
  });

  test('a tunnel on: its public URL to copy (once it has one), Stop exposing, and the URL in the tooltip', () => {
    const starting = trayModel({ ...base, tunnel: { on: true, publicUrl: null } });
    assert.deepEqual(labels(starting.menu).slice(3, 6), [
      'Copy MCP URL',
      'Public URL: starting…',
      'Stop exposing',
    ]);
    const up = trayModel({
      ...base,
      tunnel: { on: true, publicUrl: 'https://quiet-deck.trycloudflare.com/mcp' },
    });
    assert.deepEqual(labels(up.menu).slice(4, 6), ['Copy public URL', 'Stop exposing']);
    assert.match(up.tooltip, /, public at https:\/\/quiet-deck\.trycloudflare\.com\/mcp$/);
    const stopped = trayModel({ ...base, state: 'stopped', tunnel: { on: false, publicUrl: null } });
    const expose = stopped.menu.find(
      (item) => item.type === 'normal' && item.label === 'Expose to the internet',
    );
    assert.equal(expose?.type === 'normal' && expose.enabled, false, 'not while the server is stopped');
  });

  test('several keys: a submenu by name, each copying its own key', () => {
    const item = trayModel(base).menu[2];
    assert.equal(item?.type, 'submenu');
    if (item?.type !== 'submenu') return;
    assert.deepEqual(
      item.items.map((k) => (k.type === 'normal' ? [k.label, k.action] : [])),
      [
        ['Cursor', { kind: 'copy-key', keyId: 'key_a' }],
        ['Claude Code', { kind: 'copy-key', keyId: 'key_b' }],
        ['Codex', { kind: 'copy-key', keyId: 'key_c' }],
      ],
    );
  });

  test('one key: copies it directly; none: says to create one', () => {
    const one = trayModel({ ...base, keys: [{ id: 'key_a', name: 'Cursor' }] });
    assert.deepEqual(one.menu[2], {
      type: 'normal',
      label: 'Copy connector key (Cursor)',
      enabled: true,
      action: { kind: 'copy-key', keyId: 'key_a' },
    });
    assert.equal(one.tooltip, 'MCP Tray: running on 127.0.0.1:3210, 1 key');
    const none = trayModel({ ...base, keys: [] });
    assert.deepEqual(none.menu[2], {
      type: 'normal',
      label: 'Copy connector key (create one first)',
      enabled: false,
    });
  });

  test('states pick their icon; busy only while running', () => {
    assert.equal(trayModel({ ...base, busy: true }).icon, 'busy');
    assert.equal(trayModel({ ...base, state: 'stopped', busy: true }).icon, 'stopped');
    assert.equal(trayModel({ ...base, state: 'paused' }).icon, 'stopped');
    const failed = trayModel({ ...base, state: 'error', error: 'port 3210 is in use' });
    assert.equal(failed.icon, 'error');
    assert.equal(failed.tooltip, 'MCP Tray: error: port 3210 is in use');
    assert.equal(labels(failed.menu)[0], 'Error: port 3210 is in use');
    assert.ok(labels(failed.menu).includes('Start server'));
  });

  test('a problem while running (keychain locked) shows the error icon and says so, serving on', () => {
    const model = trayModel({ ...base, problem: 'stored keys unavailable (keychain locked)' });
    assert.equal(model.icon, 'error');
    assert.equal(
      model.tooltip,
      'MCP Tray: running on 127.0.0.1:3210, 3 keys; stored keys unavailable (keychain locked)',
    );
    assert.equal(
      labels(model.menu)[0],
      'Running on 127.0.0.1:3210; stored keys unavailable (keychain locked)',
    );
    assert.ok(labels(model.menu).includes('Stop server'));
  });

  test('sign-in items follow the providers set up; signed in shows who, with Sign out', () => {
    const none = labels(trayModel({ ...base, signInWith: [] }).menu);
    assert.ok(!none.some((label) => label.startsWith('Sign')), 'nothing to sign in with: no items');
    const both = trayModel({ ...base, signInWith: ['github', 'google'] }).menu;
    assert.deepEqual(
      both.flatMap((item) =>
        item.type === 'normal' && item.action?.kind === 'sign-in' ? [item.action] : [],
      ),
      [
        { kind: 'sign-in', provider: 'github' },
        { kind: 'sign-in', provider: 'google' },
      ],
    );
    assert.ok(labels(both).includes('Sign in with Google'));
    const signedIn = trayModel({ ...base, signedInAs: 'octocat' }).menu;
    assert.ok(labels(signedIn).includes('Signed in as @octocat'));
    assert.ok(!labels(signedIn).includes('Sign in with GitHub'));
    assert.deepEqual(
      signedIn.find((item) => item.type === 'normal' && item.label === 'Sign out'),
      { type: 'normal', label: 'Sign out', enabled: true, action: { kind: 'sign-out' } },
    );
  });

  test('launch at login shows as such', () => {
    const model = trayModel({ ...base, launchAtLogin: true });
    assert.deepEqual(
      model.menu.find((item) => item.type === 'checkbox'),
      {
        type: 'checkbox',
        label: 'Launch at login',
        checked: true,
        action: { kind: 'toggle-launch-at-login' },
      },
    );
  });
});

describe('busy hold', () => {
  test('busy while requests run and for a second after the last one, so bursts do not flicker', () => {
    let now = 0;
    const hold = new BusyHold(() => now);
    assert.equal(hold.busy(), false);
    hold.started();
    now = 5;
    hold.finished();
    assert.equal(hold.busy(), true, 'a 5 ms request still shows busy');
    assert.equal(hold.nextChangeIn(), 1000);
    now = 800;
    hold.started();
    now = 810;
    hold.finished();
    now = 1500;
    assert.equal(hold.busy(), true, 'a gap shorter than a second keeps it busy');
    now = 1811;
    assert.equal(hold.busy(), false);
    assert.equal(hold.nextChangeIn(), undefined);
  });
});

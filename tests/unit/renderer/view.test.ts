import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  customPermissions,
  customProblem,
  describePermissions,
  presetOf,
  withFolders,
  presetPermissions,
  sameGrants,
} from '../../../src-renderer/src/view/permission-presets.ts';
import { expiryChoices, keyChanges } from '../../../src-renderer/src/view/key-form.ts';
import { keyLabel, maskedKey } from '../../../src-renderer/src/view/masked-key.ts';
import { parseRoute, routeHash } from '../../../src-renderer/src/view/route.ts';
import type { ActivityRow, KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { activityCsv, callerLabel, requestLabel } from '../../../src-renderer/src/view/activity-format.ts';
import { rateText } from '../../../src-shared/key-limits.ts';
import { expiryLabel, timeAgo, uptimeLabel } from '../../../src-renderer/src/view/time-format.ts';

describe('permission presets', () => {
  test('each preset grants what its label says', () => {
    assert.deepEqual(presetPermissions('full', ['x']), ['*']);
    assert.deepEqual(presetPermissions('read-only', ['x']), ['tools:list', 'status:read']);
    assert.deepEqual(presetPermissions('servers', ['github']), [
      'tools:list',
      'prompts:list',
      'tools:call:github__*',
      'prompts:get:github__*',
    ]);
    assert.deepEqual(presetOf(presetPermissions('servers', ['github', 'files'])), {
      preset: 'servers',
      tools: ['github', 'files'],
      folders: null,
    });
    // One server's tools without its prompts is no preset: Custom keeps it exactly.
    assert.equal(presetOf(['tools:list', 'tools:call:github__*']).preset, 'custom');
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
      assert.deepEqual(presetOf(presetPermissions(preset, tools)), {
        preset,
        tools: [...tools],
        folders: null,
      });
    }
  });

  test('folder grants ride beside a preset: kept apart when editing, added back when saving', () => {
    const granted = withFolders(presetPermissions('tools', ['search', 'fetch']), ['docs']);
    assert.deepEqual(granted, ['tools:list', 'tools:call:search', 'tools:call:fetch', 'folders:docs']);
    assert.deepEqual(presetOf(granted), { preset: 'tools', tools: ['search', 'fetch'], folders: ['docs'] });
    assert.deepEqual(withFolders(['*'], null), ['*'], 'all folders: no grant');
    assert.equal(
      presetOf(['*', 'folders:doc*']).preset,
      'custom',
      'a wildcard folder grant is kept as it is',
    );
  });

  test('grants that are no preset exactly (made with the CLI) are Custom, never rounded to a preset', () => {
    for (const permissions of [
      ['tools:call'],
      ['tools:call:fs_*'],
      ['tools:list', 'tools:call:fs_*'],
      ['*', 'status:read'],
      ['tools:list'],
      ['tools:call:whoami'],
      ['status:read', 'tools:list', 'tools:call:whoami'],
    ]) {
      assert.equal(presetOf(permissions).preset, 'custom', permissions.join(','));
    }
    assert.deepEqual(presetOf(['status:read', 'tools:list']), {
      preset: 'read-only',
      tools: [],
      folders: null,
    });
  });

  test('the Custom box: one permission per line or comma, checked against the grammar', () => {
    assert.deepEqual(customPermissions(' tools:list\n\ntools:call:fs_* , status:read\ntools:list'), [
      'tools:list',
      'tools:call:fs_*',
      'status:read',
    ]);
    assert.deepEqual(presetPermissions('custom', [], 'tools:call'), ['tools:call']);
    assert.equal(customProblem('tools:call\nstatus:read'), undefined);
    assert.match(customProblem('tools:call\nfiles:read') ?? '', /^"files:read" is not a permission/);
    assert.match(customProblem('  ') ?? '', /at least one/);
    assert.ok(sameGrants(['a', 'b'], ['b', 'a']));
    assert.ok(!sameGrants(['a'], ['a', 'b']));
  });

  test('rates read with their unit', () => {
    assert.equal(rateText({ limit: 5, windowSeconds: 1 }), '5/s');
    assert.equal(rateText({ limit: 120, windowSeconds: 60 }), '120/min');
    assert.equal(rateText({ limit: 1000, windowSeconds: 3600 }), '1000/h');
    assert.equal(rateText({ limit: 10, windowSeconds: 30 }), '10/30s');
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

describe('the key dialog sends only what changed', () => {
  const row: KeyRow = {
    id: 'key_a',
    name: 'Cursor',
    prefix: 'mcp_sk_abcd…',
    permissions: ['tools:call:fs_*'],
    status: 'active',
    createdAt: '2026-11-01T00:00:00.000Z',
    lastUsedAt: null,
    requestCount: 0,
    expiresAt: '2026-12-30T00:00:00.000Z',
    rateLimit: { limit: 5, windowSeconds: 1 },
    readOnly: false,
  };
  const form = {
    name: 'Cursor',
    permissions: ['tools:call:fs_*'],
    rateLimit: { limit: 5, windowSeconds: 1 },
  };

  test('a rename sends the name alone', () => {
    assert.deepEqual(keyChanges(row, { ...form, name: 'Cursor (work)', expiresInSeconds: undefined }), {
      name: 'Cursor (work)',
    });
    assert.deepEqual(keyChanges(row, { ...form, expiresInSeconds: undefined }), {});
  });

  test('a rate keeps its unit; an expiry can be removed', () => {
    assert.deepEqual(
      keyChanges(row, { ...form, rateLimit: { limit: 5, windowSeconds: 60 }, expiresInSeconds: null }),
      { rateLimit: { limit: 5, windowSeconds: 60 }, expiresInSeconds: null },
    );
    assert.deepEqual(keyChanges(row, { ...form, rateLimit: null, expiresInSeconds: undefined }), {
      rateLimit: null,
    });
  });

  test('the expiry menu offers keep, remove and new dates when editing', () => {
    const now = Date.parse('2026-12-01T00:00:00.000Z');
    assert.deepEqual(
      expiryChoices('2026-12-30T00:00:00.000Z', true, now).map((c) => [c.label, c.seconds]),
      [
        ['Keep: expires 2026-12-30', undefined],
        ['Never (remove the expiry)', null],
        ['7 days from now', 604_800],
        ['30 days from now', 2_592_000],
        ['90 days from now', 7_776_000],
      ],
    );
    assert.equal(expiryChoices(null, true, now)[0]?.label, 'Keep: never expires');
    assert.deepEqual(expiryChoices(null, false, now)[0], { label: 'Never', seconds: null });
  });
});

describe('activity rows', () => {
  const row: ActivityRow = {
    time: '2026-12-01T10:00:00.000Z',
    keyId: null,
    keyName: null,
    method: 'POST',
    path: '/mcp',
    mcpMethod: 'tools/call',
    tool: 'whoami',
    status: 503,
    durationMs: 2,
    userAgent: 'claude-code/2.1, "quoted"',
    remoteAddress: '127.0.0.1',
    outcome: 'serving_paused',
  };

  test('a request refused while paused was never checked for a key, and says so', () => {
    assert.equal(callerLabel(row), 'not checked (serving paused)');
    assert.equal(callerLabel({ ...row, outcome: 'invalid_api_key', status: 401 }), 'no key, or a wrong one');
    assert.equal(callerLabel({ ...row, keyName: 'Cursor' }), 'Cursor');
    assert.equal(
      callerLabel({ ...row, keyName: 'Shared key', oauthClient: 'ChatGPT' }),
      'ChatGPT (approved with Shared key)',
    );
    assert.equal(requestLabel(row), 'tools/call whoami');
    assert.equal(requestLabel({ ...row, mcpMethod: null, tool: null }), 'POST /mcp');
    assert.equal(
      requestLabel({ ...row, tool: 'gh__search', server: 'github', upstreamTool: 'search' }),
      'tools/call gh__search (search on server github)',
    );
  });

  test('CSV: a header, quoted cells where needed, no formula injection', () => {
    const csv = activityCsv([
      row,
      { ...row, keyName: '=HYPERLINK("x")', connectionTest: true },
      { ...row, viaPublicUrl: true },
      { ...row, oauthClient: 'ChatGPT' },
    ]);
    const lines = csv.split('\r\n');
    assert.match(lines[0] ?? '', /^time,keyId,keyName,method,path,mcpMethod,tool,status,outcome/);
    assert.ok(lines[1]?.includes('"claude-code/2.1, ""quoted"""'));
    assert.ok(lines[2]?.includes(`"'=HYPERLINK(""x"")"`));
    assert.ok(lines[2]?.endsWith(',true,,'), 'a connection test, not by the public URL');
    assert.ok(lines[3]?.endsWith(',,true,'), 'by the public URL (a tunnel)');
    assert.ok(lines[4]?.endsWith(',,,ChatGPT'), 'an app with an OAuth token');
    assert.ok(lines[0]?.endsWith(',connectionTest,viaPublicUrl,oauthClient'));
    assert.equal(lines.length, 6);
  });
});

describe('keys in pickers and configs', () => {
  test('a key repeats its id only when another key has the same name', () => {
    const keys = [
      { id: 'key_a', name: 'Cursor' },
      { id: 'key_b', name: 'Cursor' },
      { id: 'key_c', name: 'Claude' },
    ];
    assert.deepEqual(
      keys.map((key) => keyLabel(key, keys)),
      ['Cursor (key_a)', 'Cursor (key_b)', 'Claude'],
    );
  });

  test('a hidden key shows its prefix and dots, never more of the secret', () => {
    assert.equal(maskedKey({ prefix: 'mcp_sk_AbCd…' }), 'mcp_sk_AbCd••••••••');
  });
});

describe('screen addresses', () => {
  test('each screen has its own address, with the choices it carries', () => {
    assert.deepEqual(parseRoute('#/connect?client=cursor&key=key_a'), {
      screen: 'connect',
      params: { client: 'cursor', key: 'key_a' },
    });
    assert.deepEqual(parseRoute(''), { screen: 'keys', params: {} });
    assert.deepEqual(parseRoute('#/nowhere'), { screen: 'keys', params: {} });
    assert.equal(routeHash('activity'), '#/activity');
    assert.equal(routeHash('connect', { client: 'vscode' }), '#/connect?client=vscode');
  });
});

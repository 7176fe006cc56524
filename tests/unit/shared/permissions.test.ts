import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canCallTool,
  canGetPrompt,
  hasPermission,
  permissionProblem,
  reachableFolders,
} from '../../../src-shared/permissions.ts';

describe('permission grammar', () => {
  test('accepts every documented form', () => {
    for (const permission of [
      '*',
      'status:read',
      'tools:list',
      'tools:call',
      'tools:call:whoami',
      'tools:call:fs_*',
      'tools:call:github__*',
      'resources:list',
      'resources:read',
      'prompts:list',
      'prompts:get',
      'prompts:get:review',
      'prompts:get:git__*',
      'folders:notes',
      'folders:work-*',
    ]) {
      assert.equal(permissionProblem(permission), undefined, permission);
    }
  });

  test('refuses anything else with a message that lists the accepted forms', () => {
    assert.match(permissionProblem('admin') ?? '', /"admin" is not a permission; use "\*", "status:read"/);
    assert.match(permissionProblem('tools:call:') ?? '', /names no valid tool/);
    assert.match(permissionProblem('tools:call:a*b') ?? '', /only a trailing \* is allowed/);
    assert.match(permissionProblem('tools:call:bad name') ?? '', /names no valid tool/);
    assert.match(permissionProblem(42) ?? '', /must be a string, not a number/);
    assert.match(permissionProblem(null) ?? '', /not null/);
  });

  test('* grants everything', () => {
    assert.ok(hasPermission(['*'], 'status:read'));
    assert.ok(hasPermission(['*'], 'tools:list'));
    assert.ok(canCallTool(['*'], 'anything'));
  });

  test('tools:call grants every tool but not listing or status', () => {
    assert.ok(canCallTool(['tools:call'], 'whoami'));
    assert.ok(!hasPermission(['tools:call'], 'tools:list'));
    assert.ok(!hasPermission(['tools:call'], 'status:read'));
  });

  test('tools:call:<tool> grants that tool only; a trailing * grants a prefix', () => {
    assert.ok(canCallTool(['tools:call:whoami'], 'whoami'));
    assert.ok(!canCallTool(['tools:call:whoami'], 'whoami2'));
    assert.ok(!canCallTool(['tools:call:whoami'], 'server_status'));
    assert.ok(canCallTool(['tools:call:fs_*'], 'fs_read'));
    assert.ok(canCallTool(['tools:call:fs_*'], 'fs_'));
    assert.ok(!canCallTool(['tools:call:fs_*'], 'f'));
    assert.ok(!canCallTool(['tools:call:fs_*'], 'git_log'));
  });

  test('status:read and tools:list grant exactly themselves', () => {
    assert.ok(hasPermission(['status:read'], 'status:read'));
    assert.ok(!hasPermission(['status:read'], 'tools:list'));
    assert.ok(!canCallTool(['tools:list'], 'whoami'));
    assert.ok(!hasPermission([], 'status:read'));
  });

  test('prompts follow the tools: prompts:get grants every prompt, prompts:get:<name> one or a prefix', () => {
    assert.ok(canGetPrompt(['prompts:get'], 'review'));
    assert.ok(canGetPrompt(['prompts:get:git__*'], 'git__review'));
    assert.ok(!canGetPrompt(['prompts:get:git__*'], 'github__review'));
    assert.ok(!canGetPrompt(['prompts:list'], 'review'));
    assert.ok(!canGetPrompt(['tools:call'], 'review'));
    assert.ok(!canCallTool(['prompts:get'], 'review'));
    assert.match(permissionProblem('prompts:get:') ?? '', /names no valid prompt/);
  });

  test('resources:list and resources:read grant exactly themselves', () => {
    assert.ok(hasPermission(['resources:read'], 'resources:read'));
    assert.ok(!hasPermission(['resources:read'], 'resources:list'));
    assert.ok(!hasPermission(['resources:list'], 'resources:read'));
    assert.ok(hasPermission(['*'], 'resources:read'));
    assert.match(permissionProblem('resources:write') ?? '', /is not a permission/);
  });

  test('folders:<name> limits search and fetch to the folders named; without one a key reaches them all', () => {
    const all = ['notes', 'work-a', 'work-b'];
    assert.deepEqual(reachableFolders(['tools:call'], all), all);
    assert.deepEqual(reachableFolders(['*'], all), all);
    assert.deepEqual(reachableFolders(['tools:call', 'folders:notes'], all), ['notes']);
    assert.deepEqual(reachableFolders(['tools:call', 'folders:work-*'], all), ['work-a', 'work-b']);
    assert.deepEqual(
      reachableFolders(['tools:call', 'folders:gone'], all),
      [],
      'a grant for no folder reaches none',
    );
    assert.match(permissionProblem('folders:') ?? '', /names no valid folder/);
  });
});

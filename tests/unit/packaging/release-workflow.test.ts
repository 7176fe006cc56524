import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const workflow = parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', '.github', 'workflows', 'release.yml'), 'utf8'),
) as {
  on: { push: { tags: string[] } };
  jobs: { installers: { strategy: { matrix: { os: string[] } }; steps: { name?: string; run?: string }[] } };
};

test('the release workflow builds on version tags on all three OSes, smoke tests first', () => {
  assert.deepEqual(workflow.on.push.tags, ['v*']);
  const job = workflow.jobs.installers;
  assert.deepEqual(job.strategy.matrix.os, ['macos-latest', 'windows-latest', 'ubuntu-latest']);
  const runs = job.steps.map((step) => step.run ?? '');
  const smoke = runs.findIndex((run) => run.includes('tests/electron'));
  const build = runs.findIndex((run) => run.includes('electron-builder'));
  assert.ok(smoke >= 0 && build > smoke, 'smoke tests run before the installers are built');
});

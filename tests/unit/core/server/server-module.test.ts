import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModuleStack, type ServerModule } from '../../../../src-main/core/server/server-module.ts';

function recording(log: string[], name: string, failClose = false): ServerModule {
  return {
    name,
    close: async () => {
      log.push(`close ${name}`);
      if (failClose) throw new Error(`${name} would not close`);
    },
  };
}

test('modules close in reverse order of starting; one that fails to close does not stop the rest', async () => {
  const log: string[] = [];
  const failures: string[] = [];
  const stack = new ModuleStack((name, error) => failures.push(`${name}: ${error.message}`));
  for (const name of ['keys', 'audit', 'mcp'])
    await stack.start(() => recording(log, name, name === 'audit'));
  await stack.close();
  assert.deepEqual(log, ['close mcp', 'close audit', 'close keys']);
  assert.deepEqual(failures, ['audit: audit would not close']);
  await stack.close();
  assert.equal(log.length, 3, 'closing twice closes nothing twice');
});

test('a module that fails to start closes those started before it, and its error is what the caller sees', async () => {
  const log: string[] = [];
  const stack = new ModuleStack(() => {});
  await stack.start(() => recording(log, 'keys'));
  await stack.start(() => recording(log, 'audit'));
  await assert.rejects(
    stack.start(async () => {
      throw new Error('port 3210 is in use');
    }),
    /port 3210 is in use/,
  );
  assert.deepEqual(log, ['close audit', 'close keys']);
});

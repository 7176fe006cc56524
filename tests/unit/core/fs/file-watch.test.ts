import assert from 'node:assert/strict';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { watchFileChanges } from '../../../../src-main/core/fs/file-watch.ts';

/** Resolves with how many calls `changed` got within `ms` after `act`. */
async function callsAfter(path: string, act: () => void, ms = 400, pollMs?: number): Promise<number> {
  let calls = 0;
  const unwatch = watchFileChanges(path, () => (calls += 1), pollMs);
  await sleep(100);
  act();
  await sleep(ms);
  unwatch();
  return calls;
}

describe('following a file the CLI or another process changes', () => {
  test('an atomic replace (write a temporary file, rename it over) is seen at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-watch-'));
    const file = join(dir, 'keys.json');
    writeFileSync(file, '[]');
    const calls = await callsAfter(file, () => {
      writeFileSync(join(dir, 'keys.json.tmp'), '[1]');
      renameSync(join(dir, 'keys.json.tmp'), file);
    });
    assert.ok(calls >= 1, 'told of the change');
  });

  test('a writer that truncates, then writes (an editor, a script) is read once it has written, never empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-watch-'));
    const file = join(dir, 'folders.json');
    writeFileSync(file, '{"folders":[]}');
    const seen: string[] = [];
    const unwatch = watchFileChanges(file, () => seen.push(readFileSync(file, 'utf8')));
    await sleep(100);
    const fd = openSync(file, 'w');
    await sleep(20);
    writeSync(fd, '{"folders":[{"name":"docs"}]}');
    closeSync(fd);
    await sleep(400);
    unwatch();
    assert.ok(seen.length >= 1, 'told of the change');
    assert.deepEqual(
      seen,
      seen.map(() => '{"folders":[{"name":"docs"}]}'),
      'never read half-written',
    );
  });

  test('writes to other files of the folder (the audit log, say) are not passed on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-watch-'));
    const file = join(dir, 'keys.json');
    writeFileSync(file, '[]');
    assert.equal(await callsAfter(file, () => writeFileSync(join(dir, 'audit.log'), 'x')), 0);
  });

  test('a file created, then removed, is seen both times', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-watch-'));
    const file = join(dir, 'servers.json');
    assert.ok((await callsAfter(file, () => writeFileSync(file, '{}'))) >= 1, 'created');
    assert.ok((await callsAfter(file, () => rmSync(file))) >= 1, 'removed');
  });

  test('where the folder cannot be watched (it does not exist yet), the file is polled instead', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mcp-tray-watch-')), 'later');
    const file = join(dir, 'folders.json');
    const calls = await callsAfter(
      file,
      () => {
        mkdirSync(dir);
        writeFileSync(file, '{}');
      },
      600,
      100,
    );
    assert.ok(calls >= 1, 'seen by the poll');
  });
});

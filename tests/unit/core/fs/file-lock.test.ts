import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { withFileLock } from '../../../../src-main/core/fs/file-lock.ts';

/** The pid of a process that ran and ended (as a CLI killed in the middle of a change leaves). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

describe('the file lock', () => {
  test('a lock left by a killed process (its pid no longer runs) is taken over at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-lock-'));
    const file = join(dir, 'keys.json');
    writeFileSync(`${file}.lock`, String(await deadPid()));
    const started = Date.now();
    assert.equal(await withFileLock(file, async () => 'changed'), 'changed');
    assert.ok(Date.now() - started < 1_000, 'no waiting for a holder that is gone');
    assert.equal(existsSync(`${file}.lock`), false, 'released after');
  });

  test('a lock held by a running process is waited for, then refused with file_locked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-lock-'));
    const file = join(dir, 'keys.json');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(`${file}.lock`, String(holder.pid));
      let clock = Date.now();
      await assert.rejects(
        withFileLock(
          file,
          async () => 'never',
          () => (clock += 1_000),
        ),
        (error: Error & { code?: string }) => error.code === 'file_locked',
      );
    } finally {
      holder.kill();
    }
  });
});

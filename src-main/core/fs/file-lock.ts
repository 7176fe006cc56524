import { open, readFile, rm, stat } from 'node:fs/promises';
import { AppError } from '../app-error.ts';

const STALE_MS = 15_000;
const WAIT_MS = 5_000;

/** Whether a process with this id runs (one of another user's counts: it cannot be signalled, but it is). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `task` while holding `<path>.lock`, so two processes (the CLI and the app) never interleave a
 * read-modify-write of the same file. A lock whose holder (its pid is in it) no longer runs was left by a
 * killed process and is taken over at once; one older than 15 s is taken to be left behind too.
 */
export async function withFileLock<T>(
  path: string,
  task: () => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const lockPath = `${path}.lock`;
  const deadline = now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockPath).then(
        (info) => now() - info.mtimeMs,
        () => 0,
      );
      const holder = await readFile(lockPath, 'utf8').catch(() => '');
      const pid = Number(holder);
      const dead = holder !== '' && Number.isInteger(pid) && pid > 0 && pid !== process.pid && !running(pid);
      if (dead || age > STALE_MS) {
        // Only the lock seen is removed: another process may have taken it over meanwhile.
        if ((await readFile(lockPath, 'utf8').catch(() => '')) === holder)
          await rm(lockPath, { force: true });
        continue;
      }
      if (now() > deadline) {
        throw new AppError(
          'file_locked',
          `${path} is being changed by another MCP Tray process; try again in a moment (or delete ${lockPath} if no other MCP Tray is running).`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lockPath, { force: true });
  }
}

import { open, rm, stat } from 'node:fs/promises';
import { AppError } from '../app-error.ts';

const STALE_MS = 15_000;
const WAIT_MS = 5_000;

/**
 * Runs `task` while holding `<path>.lock`, so two processes (the CLI and the app) never interleave a
 * read-modify-write of the same file. A lock older than 15 s is taken to be left by a crashed process.
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
      if (age > STALE_MS) {
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

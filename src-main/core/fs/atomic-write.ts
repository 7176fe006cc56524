import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { AppError } from '../app-error.ts';

/** A failed write in words a person can act on (a full disk, a folder not theirs), or the error as it came. */
function writeFailure(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const kept = 'the file as it was is kept';
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError(
      'disk_full',
      `Could not save ${path}: the disk is full. Free some space and try again; ${kept}.`,
      {
        cause: error,
      },
    );
  if (code === 'EROFS')
    return new AppError('write_denied', `Could not save ${path}: its disk is read-only; ${kept}.`, {
      cause: error,
    });
  if (code === 'EACCES' || code === 'EPERM')
    return new AppError(
      'write_denied',
      `Could not save ${path}: you may not write in ${dirname(path)}. Check its owner and permissions; ${kept}.`,
      { cause: error },
    );
  return error;
}

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old file or the new one, never
 * a torn mix: write a temp file beside it, fsync it, rename it over, then fsync the folder. A write that
 * fails (a full disk) leaves the old file and no temp file, and says why.
 */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temp, 'wx', mode).catch((error: unknown) => {
    throw writeFailure(path, error);
  });
  try {
    try {
      await file.writeFile(data, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeFailure(path, error);
  }
  await syncFolder(dirname(path));
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is as durable as it gets there.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

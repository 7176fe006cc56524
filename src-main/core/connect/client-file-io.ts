import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { ConfigFileError } from './config-file-error.ts';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A client's file as text, or null when there is none. */
export async function readClientFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new ConfigFileError(
      `${file} cannot be read (${code ?? (error as Error).message}); nothing was changed.`,
    );
  }
}

/** Copies `file` into `folder` under a name saying which client, scope and when: the file as it was. */
export async function backUp(file: string, folder: string, label: string, now: Date): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backup = join(folder, `${label}-${stamp}-${basename(file)}`);
  await copyFile(file, backup);
  // It may hold a client's secrets: readable by its owner only, like the data folder.
  await chmod(backup, 0o600);
  return backup;
}

/**
 * Writes `after` over `file` atomically, its folder made if needed and its mode kept (a new file is the
 * owner's only), after checking that it still holds `before`: a client that wrote it meanwhile is not
 * overwritten.
 */
export async function replaceClientFile(
  file: string,
  before: string | null,
  after: string | null,
): Promise<void> {
  if ((await readClientFile(file)) !== before)
    throw new ConfigFileError(
      `${file} changed while MCP Tray was about to write it (the client saved it meanwhile?); nothing was changed: try again.`,
      'config_edit_refused',
    );
  if (after === null) {
    await rm(file, { force: true });
    return;
  }
  const mode = before === null ? 0o600 : (await stat(file)).mode & 0o777;
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, after, mode);
}

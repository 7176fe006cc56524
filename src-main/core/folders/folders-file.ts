import { join } from 'node:path';
import { z } from 'zod';
import { FOLDER_NAME } from '../../../src-shared/folder-view.ts';
import { JsonStateFile } from '../fs/json-state-file.ts';

const FolderEntrySchema = z.object({
  name: z.string().regex(FOLDER_NAME),
  /** Absolute, as the person chose it (its real path is worked out when it is read). */
  path: z.string().min(1),
  addedAt: z.string(),
});
export const FoldersFileSchema = z.object({
  version: z.literal(1),
  folders: z.array(FolderEntrySchema),
  /** Files over this size are not read (bytes; Settings). */
  maxFileBytes: z.number().int().positive().optional(),
});

export type FolderEntry = z.infer<typeof FolderEntrySchema>;
export type FoldersSettings = z.infer<typeof FoldersFileSchema>;

export const FOLDERS_FILE = 'folders.json';
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * `<data-dir>/folders.json`: the folders `search` and `fetch` reach (none by default), written atomically
 * under a lock (the CLI and a running server both change it); a file that cannot be read is kept aside.
 */
export class FoldersFile {
  readonly path: string;
  private readonly file: JsonStateFile<typeof FoldersFileSchema>;

  constructor(dataDir: string, now: () => number = Date.now) {
    this.path = join(dataDir, FOLDERS_FILE);
    this.file = new JsonStateFile({
      path: this.path,
      schema: FoldersFileSchema,
      fallback: () => ({ version: 1 as const, folders: [] }),
      now,
    });
  }

  async read(): Promise<{ settings: FoldersSettings; problem?: string }> {
    const { value, problem } = await this.file.inspect();
    return problem === undefined ? { settings: value } : { settings: value, problem };
  }

  update<T>(change: (settings: FoldersSettings) => T | Promise<T>): Promise<T> {
    return this.file.change(change);
  }
}

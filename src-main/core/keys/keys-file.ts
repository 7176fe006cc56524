import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { withFileLock } from '../fs/file-lock.ts';
import { KeysFileSchema, type KeyRecord } from './key-record.ts';

export const KEYS_FILE = 'keys.json';

export interface KeysRead {
  keys: KeyRecord[];
  /** Set when the file could not be read and was moved aside: says where, for the user. */
  problem?: string;
}

/**
 * `<data-dir>/keys.json`: the metadata of stored keys, never a secret. A file that cannot be read is moved
 * aside (kept, never overwritten) and reported; the list then starts empty.
 */
export class KeysFile {
  readonly path: string;
  private readonly now: () => number;

  constructor(dataDir: string, now: () => number = Date.now) {
    this.path = join(dataDir, KEYS_FILE);
    this.now = now;
  }

  async read(): Promise<KeysRead> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { keys: [] };
      throw error;
    }
    const parsed = KeysFileSchema.safeParse(safeJson(text));
    if (parsed.success) return { keys: parsed.data.keys };
    const aside = `${this.path}.corrupt-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.path, aside).catch(() => {});
    return {
      keys: [],
      problem: `${this.path} could not be read (${parsed.error.issues[0]?.message ?? 'not JSON'}); it was kept as ${aside} and the key list starts empty. Secrets already in the keychain show up as keys without metadata.`,
    };
  }

  /** Read, change and write back under a lock, so concurrent CLI and app changes never overwrite each other. */
  async update<T>(change: (keys: KeyRecord[]) => T): Promise<{ result: T; problem?: string }> {
    return withFileLock(this.path, async () => {
      const { keys, problem } = await this.read();
      const result = change(keys);
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, keys }, null, 2)}\n`, 0o600);
      return problem === undefined ? { result } : { result, problem };
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { withFileLock } from '../fs/file-lock.ts';
import { readJsonOrSetAside } from '../fs/json-file.ts';
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
    const { value, problem } = await readJsonOrSetAside(
      this.path,
      KeysFileSchema,
      { version: 1, keys: [] },
      this.now,
    );
    return problem === undefined
      ? { keys: value.keys }
      : {
          keys: value.keys,
          problem: `${problem} and the key list starts empty. Secrets already in the keychain show up as keys without metadata.`,
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

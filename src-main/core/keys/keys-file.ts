import { join } from 'node:path';
import { JsonStateFile } from '../fs/json-state-file.ts';
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
  private readonly file: JsonStateFile<typeof KeysFileSchema>;

  constructor(dataDir: string, now: () => number = Date.now) {
    this.path = join(dataDir, KEYS_FILE);
    this.file = new JsonStateFile({
      path: this.path,
      schema: KeysFileSchema,
      fallback: () => ({ version: 1 as const, keys: [] }),
      now,
    });
  }

  async read(): Promise<KeysRead> {
    const { value, problem } = await this.file.inspect();
    return problem === undefined ? { keys: value.keys } : { keys: value.keys, problem: keysProblem(problem) };
  }

  /** Read, change and write back under a lock, so concurrent CLI and app changes never overwrite each other. */
  async update<T>(change: (keys: KeyRecord[]) => T): Promise<{ result: T; problem?: string }> {
    const { result, problem } = await this.file.changeReporting((value) => change(value.keys));
    return problem === undefined ? { result } : { result, problem: keysProblem(problem) };
  }
}

function keysProblem(problem: string): string {
  return `${problem} and the key list starts empty. Secrets already in the keychain show up as keys without metadata.`;
}

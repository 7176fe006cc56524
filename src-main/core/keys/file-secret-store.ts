import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KeychainError } from '../app-error.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { withFileLock } from '../fs/file-lock.ts';
import type { SecretStore } from './secret-store.ts';

export const SECRETS_FILE = 'secrets.json';

/** Secrets in `<data-dir>/secrets.json`, mode 0600, for machines with no keychain. Opt-in only. */
export class FileSecretStore implements SecretStore {
  readonly label: string;
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, SECRETS_FILE);
    this.label = `the secrets file ${this.path}`;
  }

  async list(): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.read()));
  }

  async get(id: string): Promise<string | undefined> {
    return (await this.read())[id];
  }

  async set(id: string, secret: string): Promise<void> {
    await this.change((secrets) => {
      secrets[id] = secret;
    });
  }

  async delete(id: string): Promise<boolean> {
    let removed = false;
    await this.change((secrets) => {
      removed = id in secrets;
      delete secrets[id];
    });
    return removed;
  }

  /** A file that can be read can be written (its folder is ours); reading proves it is not corrupt. */
  async check(): Promise<void> {
    await this.read();
  }

  private async change(edit: (secrets: Record<string, string>) => void): Promise<void> {
    await withFileLock(this.path, async () => {
      const secrets = await this.read();
      edit(secrets);
      await writeFileAtomic(this.path, `${JSON.stringify(secrets, null, 2)}\n`, 0o600);
    });
  }

  private async read(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Record<
          string,
          string
        >;
      }
    } catch {
      // Fall through: never overwrite a file we cannot read.
    }
    throw new KeychainError(
      'secrets_file_corrupt',
      `${this.path} is not a valid secrets file, so its keys cannot be used. Restore it from a backup, or move it aside to start over.`,
    );
  }
}

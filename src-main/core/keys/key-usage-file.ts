import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';

export const USAGE_FILE = 'key-usage.json';

export interface KeyUsage {
  lastUsedAt: string;
  requestCount: number;
}

/**
 * Last use and request count per key id, kept apart from keys.json because only the server writes it
 * (so it never races the CLI's edits). Flushed at most every `flushMs`.
 */
export class KeyUsageFile {
  readonly path: string;
  private usage: Record<string, KeyUsage> = {};
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.path = join(dataDir, USAGE_FILE);
  }

  static async read(dataDir: string): Promise<Record<string, KeyUsage>> {
    try {
      const parsed = JSON.parse(await readFile(join(dataDir, USAGE_FILE), 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, KeyUsage>) : {};
    } catch {
      return {};
    }
  }

  async load(): Promise<void> {
    this.usage = await KeyUsageFile.read(join(this.path, '..'));
  }

  record(keyId: string, at: Date): void {
    const entry = this.usage[keyId];
    this.usage[keyId] = { lastUsedAt: at.toISOString(), requestCount: (entry?.requestCount ?? 0) + 1 };
    this.dirty = true;
  }

  /** Starts writing changes every `flushMs`. */
  start(flushMs: number): void {
    this.timer = setInterval(() => void this.flush(), flushMs);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (!this.dirty) return this.writing;
    this.dirty = false;
    const snapshot = `${JSON.stringify(this.usage, null, 2)}\n`;
    this.writing = this.writing
      .then(() => writeFileAtomic(this.path, snapshot, 0o600))
      .catch(() => {
        this.dirty = true;
      });
    return this.writing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

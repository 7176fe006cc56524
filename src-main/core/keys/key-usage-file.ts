import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { readJsonOrSetAside } from '../fs/json-file.ts';

export const USAGE_FILE = 'key-usage.json';

const usageSchema = z.record(
  z.string(),
  z.object({ lastUsedAt: z.iso.datetime(), requestCount: z.number().int().nonnegative() }),
);

export type KeyUsage = z.infer<typeof usageSchema>[string];

/**
 * Last use and request count per key id, kept apart from keys.json because only the server writes it
 * (so it never races the CLI's edits). Written within `flushMs` of a use; nothing runs while none comes.
 */
export class KeyUsageFile {
  readonly path: string;
  private usage: Record<string, KeyUsage> = {};
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  /** Set by start: how long a recorded use may wait to be written (no timer runs while nothing is used). */
  private flushMs: number | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.path = join(dataDir, USAGE_FILE);
  }

  /**
   * Each key's use as the file has it. One that cannot be read is kept aside (usage counts start again
   * from zero) and reported, not overwritten: the shape the other JSON files of the app get.
   */
  static async inspect(
    dataDir: string,
    now: () => number,
  ): Promise<{ value: Record<string, KeyUsage>; problem?: string }> {
    return readJsonOrSetAside(join(dataDir, USAGE_FILE), usageSchema, {}, now);
  }

  /** Loads the file's counts to add to; says what was set aside, if anything. */
  async load(now: () => number, warn: (message: string) => void): Promise<void> {
    const { value, problem } = await KeyUsageFile.inspect(join(this.path, '..'), now);
    if (problem !== undefined) warn(`${problem}; key usage counts start again from zero.`);
    this.usage = value;
  }

  record(keyId: string, at: Date): void {
    const entry = this.usage[keyId];
    this.usage[keyId] = { lastUsedAt: at.toISOString(), requestCount: (entry?.requestCount ?? 0) + 1 };
    this.dirty = true;
    this.schedule();
  }

  /** A write within `flushMs`, unless one is due already (or start has not been called). */
  private schedule(): void {
    if (this.flushMs === undefined || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.flushMs);
    this.timer.unref();
  }

  /** From now on, a recorded use is written within `flushMs`. */
  start(flushMs: number): void {
    this.flushMs = flushMs;
  }

  async flush(): Promise<void> {
    if (!this.dirty) return this.writing;
    this.dirty = false;
    const snapshot = `${JSON.stringify(this.usage, null, 2)}\n`;
    this.writing = this.writing
      .then(() => writeFileAtomic(this.path, snapshot, 0o600))
      .catch(() => {
        // Tried again shortly, as long as the server runs (a full disk may have room again).
        this.dirty = true;
        this.schedule();
      });
    return this.writing;
  }

  async stop(): Promise<void> {
    this.flushMs = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}

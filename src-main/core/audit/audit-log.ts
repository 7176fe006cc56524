import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry } from './audit-entry.ts';

export const AUDIT_FILE = /^audit-(\d{4}-\d\d-\d\d)\.jsonl$/;
const DAY_MS = 86_400_000;

export interface AuditLogOptions {
  dir: string;
  now?: () => number;
  retentionDays?: number;
  maxBytes?: number;
}

export function auditFileName(time: number): string {
  return `audit-${new Date(time).toISOString().slice(0, 10)}.jsonl`;
}

/**
 * The audit log: JSON lines, one file per UTC day in `<data-dir>/logs/`, kept 30 days and 100 MB at most
 * (oldest files go first). Appends are buffered by a stream, so logging costs a request almost nothing.
 */
export class AuditLog {
  readonly dir: string;
  private readonly now: () => number;
  private readonly retentionDays: number;
  private readonly maxBytes: number;
  private stream: WriteStream | undefined;
  private file = '';
  private pending = '';
  private flushScheduled = false;

  constructor(options: AuditLogOptions) {
    this.dir = options.dir;
    this.now = options.now ?? Date.now;
    this.retentionDays = options.retentionDays ?? 30;
    this.maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  }

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await this.prune();
  }

  /** Queues a line; lines are written together once per event-loop turn (or at 64 KiB). */
  record(entry: AuditEntry): void {
    const file = auditFileName(this.now());
    if (file !== this.file) {
      this.flush();
      this.stream?.end();
      this.file = file;
      this.stream = createWriteStream(join(this.dir, file), { flags: 'a', mode: 0o600 });
      this.stream.on('error', () => {
        // A full disk must not take the server down; the next day's file tries again.
      });
      void this.prune();
    }
    this.pending += `${JSON.stringify(entry)}\n`;
    if (this.pending.length >= 65_536) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending === '') return;
    this.stream?.write(this.pending);
    this.pending = '';
  }

  /** Deletes day files past the retention, then the oldest ones until the total fits the size budget. */
  async prune(): Promise<void> {
    const cutoff = new Date(this.now() - this.retentionDays * DAY_MS).toISOString().slice(0, 10);
    const files = (await readdir(this.dir).catch(() => [] as string[]))
      .filter((name) => AUDIT_FILE.test(name))
      .sort();
    const sizes = await Promise.all(
      files.map((name) =>
        stat(join(this.dir, name)).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    );
    let total = sizes.reduce((sum, size) => sum + size, 0);
    for (const [index, name] of files.entries()) {
      const day = AUDIT_FILE.exec(name)?.[1] ?? '';
      const current = name === this.file;
      if (!current && (day < cutoff || total > this.maxBytes)) {
        await rm(join(this.dir, name), { force: true });
        total -= sizes[index] ?? 0;
      }
    }
  }

  close(): Promise<void> {
    this.flush();
    const stream = this.stream;
    this.stream = undefined;
    this.file = '';
    if (stream === undefined) return Promise.resolve();
    return new Promise((resolve) => stream.end(resolve));
  }
}

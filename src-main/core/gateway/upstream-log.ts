import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lines `servers logs` and the dashboard show. */
const KEPT_LINES = 200;
/** A server's log is rotated past this size; one older file is kept beside it. */
const MAX_LOG_BYTES = 1024 * 1024;

/** Where a server's stderr goes: `<data-dir>/logs/servers/<name>.log`. */
export function upstreamLogPath(dataDir: string, name: string): string {
  return join(dataDir, 'logs', 'servers', `${name}.log`);
}

/** The last `count` lines of a server's log file (none when it has written nothing yet). */
export async function readLogTail(path: string, count: number): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text === '' ? [] : text.trimEnd().split('\n').slice(-count);
}

/**
 * A server's stderr (and what it printed on stdout that was not MCP), kept in memory for the last lines and
 * appended to its own log file, rotated at 1 MiB. Never MCP Tray's own output.
 */
export class UpstreamLog {
  readonly path: string;
  private readonly lines: string[] = [];
  private bytes: number;

  constructor(dataDir: string, name: string) {
    this.path = upstreamLogPath(dataDir, name);
    mkdirSync(join(this.path, '..'), { recursive: true, mode: 0o700 });
    try {
      this.bytes = statSync(this.path).size;
    } catch {
      this.bytes = 0;
    }
  }

  write(line: string, now: Date = new Date()): void {
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
    const entry = `${now.toISOString()} ${line}\n`;
    try {
      if (this.bytes + entry.length > MAX_LOG_BYTES) {
        renameSync(this.path, `${this.path}.1`);
        this.bytes = 0;
      }
      appendFileSync(this.path, entry, { mode: 0o600 });
      this.bytes += Buffer.byteLength(entry);
    } catch {
      // A log that cannot be written (disk full) must not stop the server it logs.
    }
  }

  /** The last `count` lines, oldest first. */
  last(count = 20): string[] {
    return this.lines.slice(-count);
  }
}

import { join } from 'node:path';
import { JsonStateFile } from '../fs/json-state-file.ts';
import { ServersFileSchema, type ServerEntry } from './server-entry.ts';

export const SERVERS_FILE = 'servers.json';

/**
 * `<data-dir>/servers.json`: the user's MCP servers behind the gateway, never a secret value. A file that
 * cannot be read is moved aside (kept) and reported; the list then starts empty.
 */
export class ServersFile {
  readonly path: string;
  private readonly file: JsonStateFile<typeof ServersFileSchema>;

  constructor(dataDir: string, now: () => number = Date.now) {
    this.path = join(dataDir, SERVERS_FILE);
    this.file = new JsonStateFile({
      path: this.path,
      schema: ServersFileSchema,
      fallback: () => ({ version: 1 as const, servers: [] }),
      now,
    });
  }

  async read(): Promise<{ servers: ServerEntry[]; problem?: string }> {
    const { value, problem } = await this.file.inspect();
    return problem === undefined ? { servers: value.servers } : { servers: value.servers, problem };
  }

  /** Reads, changes and writes back under the file's lock (the CLI and a running server may both change it). */
  async update<T>(change: (servers: ServerEntry[]) => T | Promise<T>): Promise<T> {
    return this.file.change((value) => change(value.servers));
  }
}

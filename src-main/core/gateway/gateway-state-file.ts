import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { UpstreamView } from '../../../src-shared/gateway-view.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';

export const GATEWAY_STATE_FILE = 'gateway-state.json';
/** State changes are written at most this often. */
const WRITE_EVERY_MS = 200;

export interface GatewayState {
  /** The MCP Tray process that serves them. */
  pid: number;
  updatedAt: string;
  servers: UpstreamView[];
}

/**
 * `<data-dir>/gateway-state.json`: what the running server's upstreams are doing, for `servers list` in
 * another process. Written by the server only (atomically, a few times a second at most), removed on close.
 */
export class GatewayStateFile {
  readonly path: string;
  private readonly now: () => number;
  private pending: UpstreamView[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string, now: () => number = Date.now) {
    this.path = join(dataDir, GATEWAY_STATE_FILE);
    this.now = now;
  }

  write(servers: UpstreamView[]): void {
    this.pending = servers;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const servers = this.pending ?? [];
      const state: GatewayState = {
        pid: process.pid,
        updatedAt: new Date(this.now()).toISOString(),
        servers,
      };
      this.writing = this.writing
        .then(() => writeFileAtomic(this.path, `${JSON.stringify(state, null, 2)}\n`, 0o600))
        .catch(() => {});
    }, WRITE_EVERY_MS);
  }

  async clear(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    await rm(this.path, { force: true });
  }

  /** The state a running server wrote, or undefined when none runs (no file, or its process is gone). */
  static async read(dataDir: string): Promise<GatewayState | undefined> {
    let state: GatewayState;
    try {
      state = JSON.parse(await readFile(join(dataDir, GATEWAY_STATE_FILE), 'utf8')) as GatewayState;
    } catch {
      return undefined;
    }
    try {
      process.kill(state.pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
    }
    return state;
  }
}

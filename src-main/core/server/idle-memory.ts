import type { Server } from 'node:http';
import type { ServerModule } from './server-module.ts';

/** Without a request for this long, the server counts as idle and gives back the memory it no longer uses. */
export const IDLE_RELEASE_MS = 10_000;
/** At most one release in this long, so a client that polls every few seconds does not pay for one each time. */
export const RELEASE_GAP_MS = 60_000;

/** Starts a timer; the returned function cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

const unrefTimer: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/**
 * V8's full collection that also shrinks the heap's reserved spaces ("last resort": the young generation
 * goes back to its starting size), when this process may ask for one: Node and Electron expose `gc` with
 * `--expose-gc`, which the CLI's shebang passes (the desktop app makes its own: app/exposed-gc.ts).
 * Undefined elsewhere: the server then leaves its memory to V8 alone.
 */
export function memoryReducingCollection(
  scope: { gc?: unknown } = globalThis as { gc?: unknown },
): (() => void) | undefined {
  const gc = scope.gc;
  if (typeof gc !== 'function') return undefined;
  return () => void gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * Once requests stop for `idleMs`, runs `release` once (then waits for the next request); never twice
 * within `gapMs`. A request costs a read of the clock; while requests keep coming, the timer fires about
 * once per `idleMs` and is set again for `idleMs` after the last one.
 */
export class IdleRelease {
  private lastActivity = 0;
  private pending = false;
  private lastRelease = Number.NEGATIVE_INFINITY;
  private cancel: (() => void) | undefined;

  private readonly release: () => void;
  private readonly now: () => number;
  private readonly idleMs: number;
  private readonly gapMs: number;
  private readonly schedule: Schedule;

  constructor(options: {
    release: () => void;
    now: () => number;
    idleMs?: number;
    gapMs?: number;
    schedule?: Schedule;
  }) {
    this.release = options.release;
    this.now = options.now;
    this.idleMs = options.idleMs ?? IDLE_RELEASE_MS;
    this.gapMs = options.gapMs ?? RELEASE_GAP_MS;
    this.schedule = options.schedule ?? unrefTimer;
  }

  /** A request arrived: the next release waits until none has come for `idleMs`. */
  activity(): void {
    this.lastActivity = this.now();
    this.pending = true;
    if (this.cancel === undefined) this.arm(this.idleMs);
  }

  close(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.pending = false;
  }

  private arm(ms: number): void {
    this.cancel = this.schedule(() => this.fire(), ms);
  }

  private fire(): void {
    this.cancel = undefined;
    if (!this.pending) return;
    const quiet = this.now() - this.lastActivity;
    if (quiet < this.idleMs) return this.arm(this.idleMs - quiet);
    const wait = this.lastRelease + this.gapMs - this.now();
    if (wait > 0) return this.arm(wait);
    this.pending = false;
    this.lastRelease = this.now();
    this.release();
  }
}

/** The release as a module of the running server: every request on `server` counts; closing stops the timer. */
export function idleMemoryModule(server: Server, now: () => number, collect: () => void): ServerModule {
  const idle = new IdleRelease({ release: collect, now });
  server.on('request', () => idle.activity());
  // Start-up leaves garbage of its own (module loading): the first release comes once start-up is quiet.
  idle.activity();
  return { name: 'idle memory', close: async () => idle.close() };
}

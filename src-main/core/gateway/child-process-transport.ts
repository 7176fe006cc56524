import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseJSONRPCMessage, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/server';
import type { LaunchPlan } from './upstream-launch.ts';

/** How long a server gets to exit by itself (stdin closed, then SIGTERM) before it and its children are killed. */
const STOP_GRACE_MS = 2_000;

export interface ChildHooks {
  /** One line the server wrote to stderr. */
  stderr(line: string): void;
  /** One line on stdout that is not a JSON-RPC message (some servers print banners there). */
  stray(line: string): void;
  /** The process ended: its exit code, or the signal that ended it. */
  exit(code: number | null, signal: NodeJS.Signals | null): void;
}

/**
 * MCP over a child's stdin and stdout, with the process under our control: in its own process group on POSIX
 * (so stopping it ends every process it started), lines that are not JSON-RPC set aside instead of breaking
 * the connection, and stderr kept for the server's log.
 */
/** How a server's process (or, with neither, its connection) ended, as a person reads it. */
export function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal !== null) return `it was ended by ${signal}`;
  return code === null ? 'its connection closed' : `it exited with code ${code}`;
}

export class ChildProcessTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: (<T extends JSONRPCMessage>(message: T) => void) | undefined;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private spawned = false;
  private readonly plan: LaunchPlan;
  private readonly hooks: ChildHooks;

  constructor(plan: LaunchPlan, hooks: ChildHooks) {
    this.plan = plan;
    this.hooks = hooks;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const child = spawn(this.plan.file, this.plan.args, {
      env: this.plan.env,
      ...(this.plan.cwd !== undefined && { cwd: this.plan.cwd }),
      detached: this.plan.detached,
      windowsHide: true,
      windowsVerbatimArguments: this.plan.windowsVerbatimArguments,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.once('close', (code, signal) => {
        // A command that never started is reported by start(), not as an exit.
        if (this.spawned) this.hooks.exit(code, signal);
        this.onclose?.();
        resolve();
      }),
    );
    createInterface({ input: child.stderr! }).on('line', (line) => this.hooks.stderr(line));
    createInterface({ input: child.stdout!, crlfDelay: Infinity }).on('line', (line) => this.read(line));
    child.stdin!.on('error', () => {}); // a server that exits early closes its stdin under us: not our fault
    try {
      // Rejects with the spawn error when the command could not be started at all.
      await once(child, 'spawn');
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? new Error(
            `the command "${this.plan.file}" was not found (ENOENT); check that it is installed and on PATH`,
          )
        : (error as Error);
    }
    this.spawned = true;
    child.on('error', (error) => this.onerror?.(error));
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (stdin === undefined || stdin === null || !stdin.writable)
      throw new Error('The server is not running.');
    if (!stdin.writableCorked) {
      stdin.cork();
      setImmediate(() => stdin.uncork());
    }
    if (!stdin.write(`${JSON.stringify(message)}\n`)) await once(stdin, 'drain');
  }

  /** Ends the server: stdin closed, then SIGTERM, then SIGKILL for it and everything it started. */
  async close(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.pid === undefined) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin?.end();
      this.signal(child.pid, 'SIGTERM');
      const timer = setTimeout(() => this.signal(child.pid as number, 'SIGKILL'), STOP_GRACE_MS);
      await this.exited;
      clearTimeout(timer);
    }
    // Children it started may outlive it in its group; none is left running.
    this.signal(child.pid, 'SIGKILL');
  }

  private read(line: string): void {
    if (line.trim() === '') return;
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(JSON.parse(line));
    } catch {
      return this.hooks.stray(line);
    }
    // The SDK client handles a notification a microtask after it arrives but a response at once, and forgets
    // a request's progress handler with its response: a server's last progress, read in the same chunk as
    // the answer, would be lost. Responses wait that one microtask.
    if (!('method' in message)) queueMicrotask(() => this.onmessage?.(message));
    else this.onmessage?.(message);
  }

  private signal(pid: number, signal: NodeJS.Signals): void {
    if (process.platform === 'win32') {
      if (signal === 'SIGKILL')
        spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true });
      else this.child?.kill(signal);
      return;
    }
    try {
      process.kill(this.plan.detached ? -pid : pid, signal);
    } catch {
      // ESRCH: already gone.
    }
  }
}

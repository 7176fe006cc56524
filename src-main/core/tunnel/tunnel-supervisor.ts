import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { programOnPath } from '../fs/program-on-path.ts';
import { RestartBackoff } from '../gateway/restart-backoff.ts';
import type { Logger } from '../logger.ts';
import { askFunnelStatus } from './funnel-status.ts';
import {
  installHint,
  NAMED_TUNNEL_TOKEN,
  NGROK_CAVEAT,
  readTunnelLine,
  tunnelArgs,
  type TunnelTool,
} from './tunnel-tools.ts';

export type TunnelState = 'starting' | 'up' | 'restarting' | 'missing' | 'failed' | 'stopped';

export interface TunnelDeps {
  tool: TunnelTool;
  /** The local port the tunnel forwards to. */
  port: number;
  /** The tool's path when it is not on PATH (Settings, --tunnel-path). */
  program?: string | undefined;
  /** A stable name (a named cloudflared tunnel's hostname, an ngrok reserved domain); none: a quick tunnel. */
  hostname?: string | undefined;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Where the public origin goes: the Host allowlist and every config follow it. */
  publicAddress: { set(origin: string | undefined): void };
  logger: Logger;
  /** Told whenever its state, URL or problem changes (the dashboard and tray follow it). */
  onChange?: () => void;
}

/** How long tailscale's output may take to name the funnel before its status is asked. */
const FUNNEL_PROBE_MS = 3_000;
/** How long the tool may take to stop on SIGTERM before it is killed. */
const STOP_GRACE_MS = 5_000;

/**
 * Runs the tunnel program as a supervised child: its public URL read from its output and made the public
 * address, restarted with backoff when it exits (a quick tunnel then gets a new URL, and the old name is
 * refused from the moment it exited), stopped with the server. A missing program is said with how to
 * install it; serving goes on locally.
 */
export class TunnelSupervisor {
  state: TunnelState = 'stopped';
  url: string | undefined;
  problem: string | undefined;
  private child: ChildProcess | undefined;
  private retry: NodeJS.Timeout | undefined;
  private probe: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly backoff = new RestartBackoff();
  private readonly deps: TunnelDeps;

  constructor(deps: TunnelDeps) {
    this.deps = deps;
  }

  async start(): Promise<void> {
    this.stopping = false;
    const { tool, logger } = this.deps;
    const program = await programOnPath(this.deps.program ?? tool, this.deps.env, this.deps.platform);
    if (program === undefined) {
      this.state = 'missing';
      this.problem = installHint(tool, this.deps.platform ?? process.platform);
      logger.warn(`${this.problem} Serving goes on at http://127.0.0.1:${this.deps.port} only.`);
      this.deps.onChange?.();
      return;
    }
    if (tool === 'cloudflared' && this.deps.hostname !== undefined && !this.deps.env['TUNNEL_TOKEN']) {
      this.state = 'failed';
      this.problem = NAMED_TUNNEL_TOKEN;
      logger.warn(`${this.problem} Serving goes on at http://127.0.0.1:${this.deps.port} only.`);
      this.deps.onChange?.();
      return;
    }
    if (tool === 'ngrok' && this.deps.hostname === undefined) logger.warn(NGROK_CAVEAT);
    this.state = this.state === 'restarting' ? 'restarting' : 'starting';
    const child = spawn(program, tunnelArgs(tool, this.deps.port, this.deps.hostname), {
      env: this.deps.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr])
      createInterface({ input: stream }).on('line', (line) => this.heard(line));
    child.once('error', (error) => logger.warn(`${tool} could not be started: ${error.message}`));
    child.once('exit', (code, signal) => {
      clearTimeout(this.probe);
      this.exited(code, signal);
      this.deps.onChange?.();
    });
    if (tool === 'tailscale') this.probeFunnel(program);
    this.deps.onChange?.();
  }

  /** Tailscale's status says where the funnel is, when its output has not said so within a few seconds. */
  private probeFunnel(program: string): void {
    this.probe = setTimeout(() => {
      if (this.child === undefined || this.url !== undefined) return;
      void askFunnelStatus(program, this.deps.env, this.deps.port).then((url) => {
        if (url !== undefined && this.child !== undefined) this.heard(url);
      });
    }, FUNNEL_PROBE_MS);
  }

  private heard(line: string): void {
    const { url, problem } = readTunnelLine(this.deps.tool, line, this.deps.hostname);
    if (problem !== undefined) this.problem = problem;
    if (url === undefined || url === this.url) return;
    const changed = this.url !== undefined;
    this.url = url;
    this.state = 'up';
    this.problem = undefined;
    this.backoff.up();
    this.deps.publicAddress.set(url);
    this.deps.onChange?.();
    this.deps.logger.info(
      `Public URL: ${url}/mcp (through ${this.deps.tool}).${changed ? ' It changed: connectors that used the old one must be updated.' : ''}`,
    );
  }

  private exited(code: number | null, signal: NodeJS.Signals | null): void {
    this.child = undefined;
    // From now on the old name is refused: whoever gets it next is not this computer.
    this.deps.publicAddress.set(undefined);
    if (this.stopping) {
      this.state = 'stopped';
      return;
    }
    const how = signal !== null ? `was stopped by ${signal}` : `exited with code ${code}`;
    const wait = this.backoff.down();
    if (wait === undefined) {
      this.state = 'failed';
      this.deps.logger.error(
        `${this.deps.tool} ${how} again and again; it is not restarted.${this.problem === undefined ? '' : ` It said: ${this.problem}`}`,
      );
      return;
    }
    this.state = 'restarting';
    this.deps.logger.warn(
      `${this.deps.tool} ${how}${this.problem === undefined ? '' : ` (${this.problem})`}; starting it again in ${wait / 1000} s. A quick tunnel gets a new URL: connectors must then be updated.`,
    );
    this.retry = setTimeout(() => void this.start(), wait);
  }

  /** Stops the tool (SIGTERM, then SIGKILL after a grace period) and keeps it stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retry);
    clearTimeout(this.probe);
    this.backoff.pause();
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) {
      this.state = 'stopped';
      return;
    }
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
}

import type { CallToolResult, Client } from '@modelcontextprotocol/client';
import type { UpstreamState, UpstreamView } from '../../../src-shared/gateway-view.ts';
import type { CallContext } from '../tools/tool-provider.ts';
import { exitReason, type ChildHooks } from './child-process-transport.ts';
import { UpstreamAsks } from './upstream-asks.ts';
import { callUpstreamTool, errorResult } from './upstream-calls.ts';
import type { ServerEntry, ToolPin } from './server-entry.ts';
import { approveAll, checkPins, type HeldBackTool } from './tool-pins.ts';
import type { Connected } from './upstream-connect.ts';
import { listEverything, NO_LISTS, watchLists, type UpstreamLists } from './upstream-lists.ts';
import { UpstreamLog } from './upstream-log.ts';

/** Restarts wait 1 s, doubling up to a minute; a minute of health forgets earlier failures. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
const HEALTHY_MS = 60_000;
/** Failures in a row (none healthy for a minute) after which the server is left `failed`. */
const MAX_FAILURES = 8;
const PING_EVERY_MS = 30_000;
const PING_TIMEOUT_MS = 10_000;

export interface SupervisorDeps {
  dataDir: string;
  connect(entry: ServerEntry, hooks: ChildHooks, asks: UpstreamAsks): Promise<Connected>;
  /** Records the tools of a server's first start as approved (in servers.json). */
  approve(name: string, pins: Record<string, ToolPin>): Promise<void>;
  /** Called whenever the view or the lists changed. */
  changed(): void;
  /** How often a remote server is asked whether it still answers (it has no process to watch). */
  pingEveryMs?: number;
}

/** What changes how a server is started: a change of any of these restarts it. */
function launchKey(entry: ServerEntry): string {
  const { approvedTools: _approved, enabled: _enabled, prefix: _prefix, ...launch } = entry;
  return JSON.stringify(launch);
}

/**
 * One upstream server, kept running: started once for every client and key, restarted with backoff when
 * it exits, left `failed` after repeated failures, stopped (with everything it started) on demand. Its lists
 * are cached and refreshed when it says they changed; its tools pass the approvals (tool-pins.ts).
 */
let instances = 0;

export class UpstreamSupervisor {
  /** Tells this supervisor from an earlier one of the same name (a server removed and added again). */
  readonly instance = ++instances;
  entry: ServerEntry;
  readonly log: UpstreamLog;
  /** The calls in flight on it, for the requests it puts to their clients. */
  readonly asks: UpstreamAsks;
  private state: UpstreamState = 'stopped';
  private client: Client | undefined;
  private pid: number | null = null;
  private restarts = 0;
  private failures = 0;
  private lastError: string | null = null;
  private lists: UpstreamLists = NO_LISTS;
  private heldBack: HeldBackTool[] = [];
  private allowed: UpstreamLists = NO_LISTS;
  /** Bumped by every start and stop: callbacks of an older run are ignored. */
  private generation = 0;
  private retry: NodeJS.Timeout | undefined;
  private healthy: NodeJS.Timeout | undefined;
  private pinging: NodeJS.Timeout | undefined;
  private readonly deps: SupervisorDeps;

  constructor(entry: ServerEntry, deps: SupervisorDeps) {
    this.entry = entry;
    this.deps = deps;
    this.log = new UpstreamLog(deps.dataDir, entry.name);
    this.asks = new UpstreamAsks(entry.name);
  }

  get name(): string {
    return this.entry.name;
  }

  /** What clients may use now: the lists with held-back tools left out (empty unless running). */
  offered(): UpstreamLists {
    return this.state === 'running' ? this.allowed : NO_LISTS;
  }

  view(extraHeldBack: readonly HeldBackTool[] = []): UpstreamView {
    const offered = this.offered();
    return {
      name: this.entry.name,
      kind: this.entry.kind,
      enabled: this.entry.enabled,
      prefix: this.entry.prefix,
      state: this.state,
      pid: this.pid,
      tools: offered.tools.length,
      resources: offered.resources.length + offered.resourceTemplates.length,
      prompts: offered.prompts.length,
      restarts: this.restarts,
      lastError: this.lastError,
      heldBack: [...this.heldBack, ...extraHeldBack],
    };
  }

  /** Starts it (or marks it disabled); returns once the first attempt has connected or failed. */
  start(): Promise<void> {
    if (!this.entry.enabled) {
      this.setState('disabled');
      return Promise.resolve();
    }
    return this.launch();
  }

  /** Takes a changed entry: restarts it if how it starts changed, applies approvals otherwise. */
  async update(entry: ServerEntry): Promise<void> {
    const relaunch = launchKey(entry) !== launchKey(this.entry) || entry.enabled !== this.entry.enabled;
    this.entry = entry;
    if (!entry.enabled) return this.stop('disabled');
    if (relaunch || this.state === 'failed' || this.state === 'disabled' || this.state === 'stopped') {
      await this.stop('stopped');
      this.failures = 0;
      return this.start();
    }
    this.applyPins();
    this.deps.changed();
  }

  /** Ends the server and every process it started; `state` says what it is left as. */
  async stop(state: 'stopped' | 'disabled' = 'stopped'): Promise<void> {
    this.generation += 1;
    clearTimeout(this.retry);
    clearTimeout(this.healthy);
    clearInterval(this.pinging);
    const client = this.client;
    this.client = undefined;
    this.pid = null;
    this.setState(state);
    await client?.close().catch(() => {});
  }

  async callTool(tool: string, args: Record<string, unknown>, context: CallContext): Promise<CallToolResult> {
    const client = this.client;
    if (client === undefined || this.state !== 'running')
      return errorResult(`The server "${this.name}" is not running (${this.state}); try again in a moment.`);
    return callUpstreamTool(client, this.name, tool, args, context);
  }

  /** The client of the running server, for reads and prompts (which fail with the server's own errors). */
  running(): Client {
    if (this.client === undefined || this.state !== 'running')
      throw new Error(`The server "${this.name}" is not running (${this.state}).`);
    return this.client;
  }

  private async launch(): Promise<void> {
    const generation = ++this.generation;
    this.setState('starting');
    const hooks: ChildHooks = {
      stderr: (line) => this.log.write(line),
      stray: (line) => this.log.write(`(not MCP, on stdout) ${line}`),
      exit: (code, signal) => {
        if (generation === this.generation) this.exited(exitReason(code, signal));
      },
    };
    try {
      const { client, pid } = await this.deps.connect(this.entry, hooks, this.asks);
      if (generation !== this.generation) return void (await client.close().catch(() => {}));
      this.client = client;
      this.pid = pid;
      await watchLists(client, () => void this.refresh(generation).catch(() => {}));
      await this.refresh(generation);
      if (generation !== this.generation) return;
      this.healthy = setTimeout(() => (this.failures = 0), HEALTHY_MS);
      this.healthy.unref();
      if (this.entry.kind === 'remote') this.watchRemote(generation, client);
      this.setState('running');
    } catch (error) {
      if (generation !== this.generation) return;
      const client = this.client;
      this.client = undefined;
      await client?.close().catch(() => {});
      if (generation === this.generation) this.failed(`it could not be started: ${(error as Error).message}`);
    }
  }

  /** A remote server has no process to exit: one that stops answering a ping is treated as one that exited. */
  private watchRemote(generation: number, client: Client): void {
    this.pinging = setInterval(() => {
      client.ping({ timeout: PING_TIMEOUT_MS }).catch((error: Error) => {
        if (generation !== this.generation) return;
        // A new generation first: closing the client below must not be taken for a second exit.
        this.generation += 1;
        clearInterval(this.pinging);
        this.exited(`it stopped answering (${error.message})`);
        void client.close().catch(() => {});
      });
    }, this.deps.pingEveryMs ?? PING_EVERY_MS);
    this.pinging.unref();
  }

  private exited(why: string): void {
    this.client = undefined;
    this.pid = null;
    this.failed(why);
  }

  private failed(why: string): void {
    clearTimeout(this.healthy);
    clearInterval(this.pinging);
    const stderr = this.log.last(1)[0];
    this.lastError = stderr === undefined ? why : `${why} (last output: ${stderr})`;
    this.failures += 1;
    if (this.failures >= MAX_FAILURES) return this.setState('failed');
    this.setState('crashed');
    const delay = Math.min(FIRST_RETRY_MS * 2 ** (this.failures - 1), MAX_RETRY_MS);
    this.retry = setTimeout(() => {
      this.restarts += 1;
      void this.launch();
    }, delay);
    this.retry.unref();
  }

  private async refresh(generation: number): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    const lists = await listEverything(client);
    if (generation !== this.generation) return;
    this.lists = lists;
    if (this.entry.approvedTools === undefined) {
      const pins = approveAll(lists.tools);
      this.entry = { ...this.entry, approvedTools: pins };
      await this.deps.approve(this.entry.name, pins);
    }
    this.applyPins();
    this.deps.changed();
  }

  private applyPins(): void {
    const { allowed, heldBack } = checkPins(this.lists.tools, this.entry.approvedTools);
    this.allowed = { ...this.lists, tools: allowed };
    this.heldBack = heldBack;
  }

  private setState(state: UpstreamState): void {
    this.state = state;
    this.deps.changed();
  }
}

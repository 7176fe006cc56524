import type { CallToolResult, Client } from '@modelcontextprotocol/client';
import type { UpstreamState, UpstreamView } from '../../../src-shared/gateway-view.ts';
import type { CallContext } from '../tools/tool-provider.ts';
import { exitReason, type ChildHooks } from './child-process-transport.ts';
import { UpstreamAsks } from './upstream-asks.ts';
import { callUpstreamTool, errorResult, heldBackSinceStart } from './upstream-calls.ts';
import { launchKey, type ServerEntry, type ToolPin } from './server-entry.ts';
import { approveAll, checkPins, pinnedTools, type HeldBackTool } from './tool-pins.ts';
import type { Connected } from './upstream-connect.ts';
import { pingRemote } from './remote-ping.ts';
import { RestartBackoff } from './restart-backoff.ts';
import { listEverything, NO_LISTS, watchLists, type UpstreamLists } from './upstream-lists.ts';
import { UpstreamLog } from './upstream-log.ts';

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
  private readonly backoff = new RestartBackoff();
  private lastError: string | null = null;
  private lists: UpstreamLists = NO_LISTS;
  private heldBack: HeldBackTool[] = [];
  private allowed: UpstreamLists = NO_LISTS;
  /** Left until needed (see wake), its approved tools offered until it first runs, fails or is stopped. */
  private dormant = false;
  private launching: Promise<void> = Promise.resolve();
  /** Bumped by every start and stop: callbacks of an older run are ignored. */
  private generation = 0;
  private retry: NodeJS.Timeout | undefined;
  private stopPinging: () => void = () => {};
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

  /** What clients may use now: the lists with held-back tools left out; a dormant server's approved tools. */
  offered(): UpstreamLists {
    if (this.state === 'running') return this.allowed;
    return this.dormant ? { ...NO_LISTS, tools: pinnedTools(this.entry.approvedTools) } : NO_LISTS;
  }

  view(extraHeldBack: readonly HeldBackTool[] = []): UpstreamView {
    const offered = this.offered();
    const { name, kind, enabled, prefix } = this.entry;
    return {
      ...{ name, kind, enabled, prefix },
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

  /**
   * Starts it (or marks it disabled); resolves once the first attempt has connected or failed. `whenNeeded`
   * leaves a server whose tools are approved dormant (stopped, its tools offered) until it is needed.
   */
  start(whenNeeded = false): Promise<void> {
    if (!this.entry.enabled) {
      this.setState('disabled');
      return Promise.resolve();
    }
    this.dormant = whenNeeded && this.entry.approvedTools !== undefined;
    if (!this.dormant) return (this.launching = this.launch());
    this.setState('stopped');
    return Promise.resolve();
  }

  /** It is needed now (a client came, or calls it): a dormant server starts; resolves once it has tried. */
  wake(): Promise<void> {
    if (this.dormant && this.state === 'stopped') this.launching = this.launch();
    return this.state === 'starting' ? this.launching : Promise.resolve();
  }

  /** Takes a changed entry: restarts it if how it starts changed, applies approvals otherwise. */
  async update(entry: ServerEntry): Promise<void> {
    const relaunch = launchKey(entry) !== launchKey(this.entry) || entry.enabled !== this.entry.enabled;
    this.entry = entry;
    if (!entry.enabled) return this.stop('disabled');
    // Not needed yet: it starts as it is then.
    if (this.dormant && this.state === 'stopped') return void this.deps.changed();
    if (relaunch || this.state === 'failed' || this.state === 'disabled' || this.state === 'stopped') {
      await this.stop('stopped');
      this.backoff.reset();
      return this.start();
    }
    this.applyPins();
    this.deps.changed();
  }

  /** Ends the server and every process it started; `state` says what it is left as. */
  async stop(state: 'stopped' | 'disabled' = 'stopped'): Promise<void> {
    this.generation += 1;
    this.dormant = false;
    clearTimeout(this.retry);
    this.backoff.pause();
    this.stopPinging();
    const client = this.client;
    this.client = undefined;
    this.pid = null;
    this.setState(state);
    await client?.close().catch(() => {});
  }

  async callTool(tool: string, args: Record<string, unknown>, context: CallContext): Promise<CallToolResult> {
    // A dormant (or starting) server is waited for: its first call is what it was needed for.
    const woke = this.state !== 'running';
    if (woke) await this.wake();
    const client = this.client;
    if (client === undefined || this.state !== 'running')
      return errorResult(`The server "${this.name}" is not running (${this.state}); try again in a moment.`);
    if (woke && !this.allowed.tools.some((t) => t.name === tool)) return heldBackSinceStart(this.name, tool);
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
      this.backoff.up();
      // One that stops answering is treated as one that exited.
      if (this.entry.kind === 'remote')
        this.stopPinging = pingRemote(
          client,
          (error) => {
            if (generation !== this.generation) return;
            // A new generation first: closing the client below must not be taken for a second exit.
            this.generation += 1;
            this.exited(`it stopped answering (${error.message})`);
            void client.close().catch(() => {});
          },
          this.deps.pingEveryMs,
        );
      this.setState('running');
    } catch (error) {
      if (generation !== this.generation) return;
      const client = this.client;
      this.client = undefined;
      await client?.close().catch(() => {});
      if (generation === this.generation) this.failed(`it could not be started: ${(error as Error).message}`);
    }
  }

  private exited(why: string): void {
    this.client = undefined;
    this.pid = null;
    this.failed(why);
  }

  private failed(why: string): void {
    this.dormant = false;
    this.stopPinging();
    const stderr = this.log.last(1)[0];
    this.lastError = stderr === undefined ? why : `${why} (last output: ${stderr})`;
    const delay = this.backoff.down();
    if (delay === undefined) return this.setState('failed');
    this.setState('crashed');
    this.retry = setTimeout(() => {
      this.restarts += 1;
      this.launching = this.launch();
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
    if (state === 'running') this.dormant = false;
    this.deps.changed();
  }
}

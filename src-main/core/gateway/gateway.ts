import { stat } from 'node:fs/promises';
import type { UpstreamView } from '../../../src-shared/gateway-view.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import type { OfferChange, ToolProvider } from '../tools/tool-provider.ts';
import { changedLists, EMPTY_GATEWAY_OFFER } from './offer-changes.ts';
import { gatewayOffer, type GatewayOffer } from './gateway-offer.ts';
import { GatewayStateFile } from './gateway-state-file.ts';
import { currentHost } from './login-shell-path.ts';
import { ServersFile } from './servers-file.ts';
import { watchFileChanges } from '../fs/file-watch.ts';
import { connectUpstream } from './upstream-connect.ts';
import { UpstreamSupervisor } from './upstream-supervisor.ts';

/** Serving waits this long at most for the servers' first start: one that is slow joins later. */
const START_WAIT_MS = 5_000;

export interface GatewayDeps {
  dataDir: string;
  secrets: SecretStore;
  version: string;
  logger: Logger;
  now: () => number;
  /** Names already taken by MCP Tray's own tools. */
  taken: () => ReadonlySet<string>;
  /** How often remote servers are pinged (default 30 s). */
  pingEveryMs?: number;
}

/**
 * The user's own MCP servers behind MCP Tray, as one tool provider: a supervisor per server of servers.json,
 * followed live (an add, remove, enable, disable or approve reaches the running server within about a
 * second), their offers merged under each server's prefix, and their state written for `servers list`.
 * Servers start when first needed: when the first client comes (or at once, for one never started, whose
 * tools are approved at its first start), and are kept running from then on.
 */
export class Gateway implements ToolProvider {
  readonly id = 'gateway';
  private readonly deps: GatewayDeps;
  private readonly file: ServersFile;
  private readonly state: GatewayStateFile;
  private readonly supervisors = new Map<string, UpstreamSupervisor>();
  private offer: GatewayOffer = EMPTY_GATEWAY_OFFER;
  private readonly listeners = new Set<(change: OfferChange) => void>();
  private readonly viewListeners = new Set<(views: UpstreamView[]) => void>();
  private viewsTimer: NodeJS.Timeout | undefined;
  private unwatch: () => void = () => {};
  private seen = '';
  private reconciling: Promise<void> = Promise.resolve();
  private closed = false;
  private fileProblem: string | undefined;
  private awake = false;

  constructor(deps: GatewayDeps) {
    this.deps = deps;
    this.file = new ServersFile(deps.dataDir, deps.now);
    this.state = new GatewayStateFile(deps.dataDir, deps.now);
  }

  async start(): Promise<void> {
    const starting = await this.reconcile();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([starting, new Promise((resolve) => (timer = setTimeout(resolve, START_WAIT_MS)))]);
    clearTimeout(timer);
    this.unwatch = watchFileChanges(this.file.path, () => this.followFile());
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.viewsTimer);
    this.unwatch();
    await this.reconciling;
    await Promise.all([...this.supervisors.values()].map((s) => s.stop()));
    this.supervisors.clear();
    await this.state.clear();
  }

  tools() {
    return this.offer.tools;
  }
  resources() {
    return this.offer.resources;
  }
  resourceTemplates() {
    return this.offer.resourceTemplates;
  }
  prompts() {
    return this.offer.prompts;
  }

  /**
   * A client is here (or the person looks at the servers): the servers not started yet start now, and every
   * server added from now on starts at once. Until then their approved tools are offered without them.
   */
  wake(): void {
    if (this.awake || this.closed) return;
    this.awake = true;
    for (const supervisor of this.supervisors.values()) void supervisor.wake();
  }

  onChange(listener: (change: OfferChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every server's state, in servers.json order. */
  views(): UpstreamView[] {
    return [...this.supervisors.values()].map((s) => s.view(this.offer.collisions.get(s.name) ?? []));
  }

  /** Calls `listener` (at most every 100 ms) when a server's state or offer changed; returns the unsubscribe. */
  onViews(listener: (views: UpstreamView[]) => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  /** Follows servers.json now (after a change made in this process); resolves once it has been read. */
  async refresh(): Promise<void> {
    await this.reconcile();
  }

  /** What servers.json's last read found wrong (it was set aside then), for the dashboard. */
  problem(): string | undefined {
    return this.fileProblem;
  }

  /** servers.json's size and time: a change of either means it was written. */
  private fingerprint(): Promise<string> {
    return stat(this.file.path).then(
      (info) => `${info.mtimeMs}:${info.size}`,
      () => 'missing',
    );
  }

  private followFile(): void {
    if (this.closed) return;
    void this.fingerprint().then((seen) => {
      if (seen !== this.seen) void this.reconcile();
    });
  }

  /**
   * Brings the supervisors in line with servers.json, one change at a time; resolves once applied, with a
   * promise of the starts it began (a slow server never holds up the next change).
   */
  private async reconcile(): Promise<Promise<unknown>> {
    let starting: Promise<unknown> = Promise.resolve();
    this.reconciling = this.reconciling.then(async () => {
      if (this.closed) return;
      this.seen = await this.fingerprint();
      const { servers, problem } = await this.file.read();
      // A file set aside leaves none behind: the problem stands until a good file is written again.
      if (this.seen !== 'missing') this.fileProblem = problem;
      if (problem !== undefined) this.deps.logger.warn(`${problem}; no servers are served from it.`);
      const wanted = new Set(servers.map((entry) => entry.name));
      const stops = [...this.supervisors.values()]
        .filter((s) => !wanted.has(s.name))
        .map((s) => {
          this.supervisors.delete(s.name);
          return s.stop();
        });
      const starts = servers.map((entry) => {
        const existing = this.supervisors.get(entry.name);
        if (existing !== undefined) return existing.update(entry);
        const supervisor = this.supervisorFor(entry);
        this.supervisors.set(entry.name, supervisor);
        // Before any client came, a server whose tools are approved waits until one does (see wake).
        return supervisor.start(!this.awake);
      });
      // Keep servers.json's order: it decides who keeps a name two servers both offer.
      const ordered = servers.map((entry) => this.supervisors.get(entry.name) as UpstreamSupervisor);
      this.supervisors.clear();
      for (const s of ordered) this.supervisors.set(s.name, s);
      this.changed();
      await Promise.all(stops);
      starting = Promise.all(starts);
    });
    // A read that fails (the folder unreadable for a moment) is logged; the next change is still followed.
    this.reconciling = this.reconciling.catch((error: Error) =>
      this.deps.logger.warn(`servers.json could not be followed: ${error.message}`),
    );
    await this.reconciling;
    return starting;
  }

  private supervisorFor(entry: Parameters<typeof connectUpstream>[0]): UpstreamSupervisor {
    return new UpstreamSupervisor(entry, {
      dataDir: this.deps.dataDir,
      connect: (current, hooks, asks) =>
        connectUpstream(
          current,
          { secrets: this.deps.secrets, host: currentHost, version: this.deps.version },
          hooks,
          asks,
        ),
      approve: (name, pins) =>
        this.file.update((servers) => {
          const found = servers.find((s) => s.name === name);
          if (found !== undefined && found.approvedTools === undefined) found.approvedTools = pins;
        }),
      changed: () => this.changed(),
      ...(this.deps.pingEveryMs !== undefined && { pingEveryMs: this.deps.pingEveryMs }),
    });
  }

  private changed(): void {
    const next = gatewayOffer([...this.supervisors.values()], this.deps.taken());
    const changes = changedLists(this.offer, next);
    this.offer = changes.length === 0 ? { ...this.offer, collisions: next.collisions } : next;
    for (const change of changes) for (const listener of this.listeners) listener(change);
    if (this.closed) return;
    this.state.write(this.views());
    this.viewsTimer ??= setTimeout(() => {
      this.viewsTimer = undefined;
      const views = this.views();
      for (const listener of this.viewListeners) listener(views);
    }, 100);
  }
}

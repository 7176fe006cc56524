import type { JSONRPCResponse, MessageClassification, Server } from '@modelcontextprotocol/server';
import { offerKey, sameOffer, type Offer } from './caller-offer.ts';
import { ExchangeTransport } from './exchange-transport.ts';

interface PoolEntry {
  offer: Offer;
  server: Server;
  transport: ExchangeTransport;
  connected: Promise<void>;
}

const MAX_ENTRIES = 32;
/** How long a retired server may keep answering requests it already took before it is closed anyway. */
const DRAIN_MS = 30_000;

/**
 * Long-lived servers for stateless traffic of one protocol era, one per distinct offer (the tools,
 * resources and prompts a key may use). Building a server for every request was most of the cost of a
 * tool call; callers allowed the same things share one (it holds no caller: tools read theirs from each
 * request's auth info), and a server is replaced when a provider's lists change, after it has answered
 * what it already took.
 */
export class ServerPool {
  private readonly entries = new Map<string, PoolEntry>();
  /** Servers replaced while they still served something: a client's answer may be for one of them. */
  private readonly retiring = new Set<PoolEntry>();
  /** The key of each offer seen (an offer is the same object until its lists change: see OfferCache). */
  private readonly keys = new WeakMap<Offer, string>();
  /** The entry used last (the last in `entries`). */
  private newest: PoolEntry | undefined;
  private readonly build: (offer: Offer) => Server;
  private readonly era: MessageClassification | undefined;

  /** `era`: the protocol era its servers serve (the 2025 family unless told). */
  constructor(build: (offer: Offer) => Server, era?: MessageClassification) {
    this.build = build;
    this.era = era;
  }

  async transportFor(offer: Offer): Promise<ExchangeTransport> {
    return (await this.entryFor(offer)).transport;
  }

  /** The server of `offer` itself, connected (for what it does without a request: see direct-tools.ts). */
  async serverFor(offer: Offer): Promise<Server> {
    return (await this.entryFor(offer)).server;
  }

  private async entryFor(offer: Offer): Promise<PoolEntry> {
    let key = this.keys.get(offer);
    if (key === undefined) this.keys.set(offer, (key = offerKey(offer)));
    let entry = this.entries.get(key);
    if (entry !== undefined && !sameOffer(entry.offer, offer)) {
      void this.retire(key, entry);
      entry = undefined;
    }
    if (entry === undefined) {
      const server = this.build(offer);
      const transport = new ExchangeTransport(this.era);
      entry = { offer, server, transport, connected: server.connect(transport) };
      if (this.entries.size >= MAX_ENTRIES) {
        const [oldestKey, oldest] = this.entries.entries().next().value as [string, PoolEntry];
        void this.retire(oldestKey, oldest);
      }
      this.entries.set(key, entry);
    } else if (this.newest !== entry) {
      // Re-insert so the Map's order stays least recently used first (not when it is last already: a
      // delete and a set on every request made the Map rebuild its table over and over).
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    this.newest = entry;
    await entry.connected;
    return entry;
  }

  /**
   * A client's answer to a request one of the servers put to it, handed to whichever server asked (its
   * offer may have changed meanwhile, for a retiring server); true when one expected it from `owner`.
   */
  answer(owner: string, response: JSONRPCResponse): boolean {
    for (const entry of [...this.entries.values(), ...this.retiring])
      if (entry.transport.answer(owner, response)) return true;
    return false;
  }

  async close(): Promise<void> {
    await Promise.all([...this.entries].map(([key, entry]) => this.retire(key, entry, 0)));
  }

  private async retire(key: string, entry: PoolEntry, drainMs = DRAIN_MS): Promise<void> {
    if (this.entries.get(key) === entry) this.entries.delete(key);
    this.retiring.add(entry);
    await entry.transport.whenIdle(drainMs);
    this.retiring.delete(entry);
    await entry.server.close().catch(() => {});
  }
}

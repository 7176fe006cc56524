import {
  PerRequestHTTPServerTransport,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type MessageExtraInfo,
  type MessageClassification,
  type TransportSendOptions,
} from '@modelcontextprotocol/server';
import { isNotification, isRequest, isResponse } from './message-kind.ts';

/** Where the server's messages about one request go, when its exchange can carry them (an event stream). */
export type ExchangeStream = (message: JSONRPCNotification | JSONRPCRequest) => void;

interface Pending {
  originalId: JSONRPCRequest['id'];
  resolve: (response: JSONRPCResponse) => void;
  /** Who sent it: only they may answer what the server asks while serving it. */
  owner: string;
  stream?: ExchangeStream | undefined;
  /** Ids of the requests the server put to the client while serving this one, still unanswered. */
  asked: Set<JSONRPCRequest['id']>;
}

/**
 * A Transport that lets one long-lived MCP server answer many independent HTTP exchanges at once.
 * Each request gets a fresh internal id (so two clients both sending id 1 never collide inside the
 * server) and its response is handed back with the client's own id. The server's notifications and
 * requests about a request (progress; sampling, elicitation, roots) go to that request's stream; any other
 * is dropped (a stateless exchange has nowhere else to carry it), and a request that cannot be carried is
 * answered with an error at once. The client's answers come back in later exchanges (`answer`), accepted
 * only from the key whose request was being served. Client notifications are never passed in: they could
 * name another client's request.
 *
 * It is a PerRequestHTTPServerTransport to the SDK only so that a server connected to it serves the era of
 * its classification (the SDK binds a server to the 2026-07-28 era from that kind of transport); none of
 * that class's own behaviour is used.
 */
export class ExchangeTransport extends PerRequestHTTPServerTransport {
  private nextId = 0;
  /** The exchange being handed to the server right now: an answer that comes meanwhile is the SDK's own. */
  private dispatching: number | undefined;
  private readonly early = new WeakSet<JSONRPCResponse>();
  private readonly pending = new Map<number, Pending>();
  /** The server's requests to clients still unanswered, by id: the exchange they belong to. */
  private readonly asked = new Map<JSONRPCRequest['id'], number>();
  private idleWaiters: (() => void)[] = [];

  /** `era` is the era its server serves: the 2025 family unless told otherwise. */
  constructor(era: MessageClassification = { era: 'legacy' }) {
    super({ classification: era });
  }

  override async start(): Promise<void> {}

  /**
   * Whether `response` was given while its request was being handed in, before any handler ran: the SDK's
   * own refusal (an unknown method, a bad envelope), which the HTTP answer's status reflects.
   */
  answeredAtDispatch(response: JSONRPCResponse): boolean {
    return this.early.has(response);
  }

  override async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const related = options?.relatedRequestId;
    const exchange = typeof related === 'number' ? this.pending.get(related) : undefined;
    if (isNotification(message)) return exchange?.stream?.(message);
    if (isRequest(message)) {
      if (exchange?.stream === undefined)
        return this.onmessage?.({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32603, message: 'This request cannot be carried to the client.' },
        });
      exchange.asked.add(message.id);
      this.asked.set(message.id, related as number);
      return exchange.stream(message);
    }
    if (!isResponse(message)) return;
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (pending === undefined) return;
    this.settle(message.id as number);
    const response = { ...message, id: pending.originalId } as JSONRPCResponse;
    if (this.dispatching === message.id) this.early.add(response);
    pending.resolve(response);
  }

  /** Resolves once no exchange is pending, or after `timeoutMs`, whichever comes first. */
  whenIdle(timeoutMs: number): Promise<void> {
    if (this.pending.size === 0 || timeoutMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * A client's answer to a request the server put to it; true when it was expected from `owner` (anyone
   * else's answer is ignored, so no key can answer for another).
   */
  answer(owner: string, response: JSONRPCResponse): boolean {
    if (response.id === undefined) return false;
    const exchangeId = this.asked.get(response.id);
    const exchange = exchangeId === undefined ? undefined : this.pending.get(exchangeId);
    if (exchange === undefined || exchange.owner !== owner) return false;
    this.asked.delete(response.id);
    exchange.asked.delete(response.id);
    this.onmessage?.(response);
    return true;
  }

  private settle(id: number): boolean {
    // What the server still waits for from this exchange's client will not come now: say so to the server.
    for (const asked of this.pending.get(id)?.asked ?? []) {
      this.asked.delete(asked);
      this.onmessage?.({
        jsonrpc: '2.0',
        id: asked,
        error: { code: -32603, message: 'The request this belonged to has ended.' },
      });
    }
    const removed = this.pending.delete(id);
    if (removed && this.pending.size === 0 && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const wake of waiters) wake();
    }
    return removed;
  }

  override async close(): Promise<void> {
    for (const [id, pending] of [...this.pending]) {
      this.settle(id);
      pending.resolve({
        jsonrpc: '2.0',
        id: pending.originalId,
        error: { code: -32000, message: 'The server is shutting down; try again.' },
      });
    }
    this.onclose?.();
  }

  /**
   * Sends one request into the server; resolves with its response. `signal` cancels it: the server is told
   * (its handler sees an aborted signal) and the exchange resolves at once with a cancellation error.
   * `stream` receives the server's notifications and requests about this request, if given; `owner` is
   * the key that sent it.
   */
  exchange(
    request: JSONRPCRequest,
    extra: MessageExtraInfo,
    owner: string,
    signal?: AbortSignal,
    stream?: ExchangeStream,
  ): Promise<JSONRPCResponse> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, { originalId: request.id, resolve, owner, stream, asked: new Set() });
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.settle(id)) return;
          this.onmessage?.(
            { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id } },
            extra,
          );
          resolve({ jsonrpc: '2.0', id: request.id, error: { code: -32800, message: 'Request cancelled' } });
        },
        { once: true },
      );
      this.dispatching = id;
      try {
        this.onmessage?.({ ...request, id }, extra);
      } finally {
        this.dispatching = undefined;
      }
    });
  }
}

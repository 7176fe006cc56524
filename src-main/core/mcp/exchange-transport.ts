import {
  isJSONRPCErrorResponse,
  isJSONRPCResultResponse,
  isJSONRPCNotification,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type MessageExtraInfo,
  type Transport,
  type TransportSendOptions,
} from '@modelcontextprotocol/server';

interface Pending {
  originalId: JSONRPCRequest['id'];
  resolve: (response: JSONRPCResponse) => void;
  /** Where notifications about this request go (progress), when its exchange can carry them. */
  notify?: ((notification: JSONRPCNotification) => void) | undefined;
}

/**
 * A Transport that lets one long-lived MCP server answer many independent HTTP exchanges at once.
 * Each request gets a fresh internal id (so two clients both sending id 1 never collide inside the
 * server) and its response is handed back with the client's own id. Server-initiated notifications and
 * requests are dropped, but for notifications about a request whose exchange streams (progress): a stateless
 * exchange has nowhere else to carry them. Client notifications are never passed in either: they could name
 * another client's request.
 */
export class ExchangeTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private idleWaiters: (() => void)[] = [];

  async start(): Promise<void> {}

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (isJSONRPCNotification(message)) {
      const related = options?.relatedRequestId;
      if (typeof related === 'number') this.pending.get(related)?.notify?.(message);
      return;
    }
    if (!isJSONRPCResultResponse(message) && !isJSONRPCErrorResponse(message)) return;
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (pending === undefined) return;
    this.settle(message.id as number);
    pending.resolve({ ...message, id: pending.originalId } as JSONRPCResponse);
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

  private settle(id: number): boolean {
    const removed = this.pending.delete(id);
    if (removed && this.pending.size === 0 && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const wake of waiters) wake();
    }
    return removed;
  }

  async close(): Promise<void> {
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
   * `notify` receives the server's notifications about this request (progress), if given.
   */
  exchange(
    request: JSONRPCRequest,
    extra: MessageExtraInfo,
    signal?: AbortSignal,
    notify?: (notification: JSONRPCNotification) => void,
  ): Promise<JSONRPCResponse> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, { originalId: request.id, resolve, notify });
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
      this.onmessage?.({ ...request, id }, extra);
    });
  }
}

import {
  isJSONRPCErrorResponse,
  isJSONRPCResultResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type MessageExtraInfo,
  type Transport,
} from '@modelcontextprotocol/server';

interface Pending {
  originalId: JSONRPCRequest['id'];
  resolve: (response: JSONRPCResponse) => void;
}

/**
 * A Transport that lets one long-lived MCP server answer many independent HTTP exchanges at once.
 * Each request gets a fresh internal id (so two clients both sending id 1 never collide inside the
 * server) and its response is handed back with the client's own id. Server-initiated notifications and
 * requests are dropped: a stateless JSON exchange has nowhere to carry them. Client notifications are
 * never passed in either: they could name another client's request.
 */
export class ExchangeTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  async start(): Promise<void> {}

  async send(message: JSONRPCMessage): Promise<void> {
    if (!isJSONRPCResultResponse(message) && !isJSONRPCErrorResponse(message)) return;
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (pending === undefined) return;
    this.pending.delete(message.id as number);
    pending.resolve({ ...message, id: pending.originalId } as JSONRPCResponse);
  }

  async close(): Promise<void> {
    for (const [id, pending] of this.pending) {
      pending.resolve({
        jsonrpc: '2.0',
        id: pending.originalId,
        error: { code: -32000, message: 'The server is shutting down; try again.' },
      });
      this.pending.delete(id);
    }
    this.onclose?.();
  }

  /** Sends one request into the server; resolves with its response. `signal` cancels it. */
  exchange(request: JSONRPCRequest, extra: MessageExtraInfo, signal?: AbortSignal): Promise<JSONRPCResponse> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, { originalId: request.id, resolve });
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.pending.delete(id)) return;
          this.onmessage?.(
            { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id } },
            extra,
          );
        },
        { once: true },
      );
      this.onmessage?.({ ...request, id }, extra);
    });
  }
}

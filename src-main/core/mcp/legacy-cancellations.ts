import type { JSONRPCMessage } from '@modelcontextprotocol/server';

/**
 * 2025-era requests in flight, by the key that made them and their request id. On the stateless endpoint a
 * client's `notifications/cancelled` comes as a POST of its own; it aborts that key's own request with that
 * id, never one made with another key.
 */
export class LegacyCancellations {
  private readonly inFlight = new Map<string, AbortController>();

  /** Tracks one request until the returned function is called (when it is answered). */
  track(keyId: string, requestId: unknown, controller: AbortController): () => void {
    const key = `${keyId}\n${JSON.stringify(requestId)}`;
    this.inFlight.set(key, controller);
    return () => {
      if (this.inFlight.get(key) === controller) this.inFlight.delete(key);
    };
  }

  /** Aborts the requests that these messages cancel, if this key made them. */
  cancel(keyId: string, messages: readonly JSONRPCMessage[]): void {
    for (const message of messages) {
      if (!('method' in message) || message.method !== 'notifications/cancelled' || 'id' in message) continue;
      const requestId = (message.params as { requestId?: unknown } | undefined)?.requestId;
      this.inFlight.get(`${keyId}\n${JSON.stringify(requestId)}`)?.abort();
    }
  }
}

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import type { HttpForwarder } from './http-forwarder.ts';

type Id = string | number;

/**
 * Serves MCP over stdio (one JSON-RPC message per line) by forwarding each message the client writes to
 * MCP Tray's HTTP endpoint, all at once rather than one after the other: a call's stream may carry a request
 * to the client (sampling, elicitation) whose answer comes as a later line. A `notifications/cancelled`
 * ends the HTTP exchange of the request it names, which cancels the call at the server. Resolves when the
 * client closes stdin.
 */
export async function runStdioBridge(
  input: Readable,
  output: Writable,
  forwarder: HttpForwarder,
): Promise<void> {
  const inFlight = new Map<Id, AbortController>();
  const write = (message: JSONRPCMessage) => void output.write(`${JSON.stringify(message)}\n`);
  // A client that closed our stdout has gone; its stdin ends too, which ends the bridge. No stack for that.
  output.on('error', () => {});
  const exchanges = new Set<Promise<void>>();

  const exchange = async (message: JSONRPCMessage) => {
    const id = 'id' in message && 'method' in message ? (message.id as Id) : undefined;
    const abort = new AbortController();
    if (id !== undefined) inFlight.set(id, abort);
    try {
      for await (const answer of forwarder.forward(message, abort.signal)) write(answer);
    } catch (error) {
      if (!abort.signal.aborted && id !== undefined)
        write({ jsonrpc: '2.0', id, error: { code: -32000, message: (error as Error).message } });
    } finally {
      if (id !== undefined && inFlight.get(id) === abort) inFlight.delete(id);
    }
  };

  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let message: JSONRPCMessage;
    try {
      message = JSON.parse(line) as JSONRPCMessage;
    } catch {
      write({
        jsonrpc: '2.0',
        id: null as never,
        error: { code: -32700, message: 'Parse error: a line that is not JSON.' },
      });
      continue;
    }
    if ('method' in message && message.method === 'notifications/cancelled') {
      const requestId = (message.params as { requestId?: Id } | undefined)?.requestId;
      if (requestId !== undefined) inFlight.get(requestId)?.abort();
    }
    const running = exchange(message);
    exchanges.add(running);
    void running.finally(() => exchanges.delete(running));
  }
  // The client has gone: what it was waiting for is of no use now.
  for (const abort of inFlight.values()) abort.abort();
  await Promise.allSettled([...exchanges]);
}

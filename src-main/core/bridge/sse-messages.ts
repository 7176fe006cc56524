import type { JSONRPCMessage } from '@modelcontextprotocol/server';

/**
 * The JSON-RPC messages of a server-sent event stream, as they come: each event's `data:` lines joined,
 * parsed as JSON. Comments (keep-alives) and events whose data is not JSON are passed over.
 */
export async function* sseMessages(body: ReadableStream<Uint8Array>): AsyncGenerator<JSONRPCMessage> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          const message = parsed(data.join('\n'));
          data = [];
          if (message !== undefined) yield message;
        } else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (done) break;
    }
    const last = parsed(data.join('\n'));
    if (last !== undefined) yield last;
  } finally {
    reader.releaseLock();
  }
}

function parsed(data: string): JSONRPCMessage | undefined {
  if (data === '') return undefined;
  try {
    return JSON.parse(data) as JSONRPCMessage;
  } catch {
    return undefined;
  }
}

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long a client has to send a request's headers, and then its body. */
export interface Deadlines {
  readonly headersMs: number;
  readonly bodyMs: number;
}

const TIMED_OUT = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/** Answers 408 where no answer has begun, then closes the connection. */
function cutOff(socket: Socket, res?: ServerResponse): void {
  if (socket.destroyed) return;
  if (!socket.writable || res?.headersSent === true) {
    socket.destroy();
    return;
  }
  socket.end(TIMED_OUT, () => socket.destroy());
}

/** One connection's state: its answers still open, and the headers deadline while it waits for a request. */
class Connection {
  private open = 0;
  private waiting: NodeJS.Timeout | undefined;
  private readonly socket: Socket;
  private readonly deadlines: Deadlines;

  constructor(socket: Socket, deadlines: Deadlines) {
    this.socket = socket;
    this.deadlines = deadlines;
    this.awaitRequest();
    socket.once('close', () => clearTimeout(this.waiting));
  }

  private awaitRequest(): void {
    if (this.socket.destroyed) return;
    this.waiting = setTimeout(() => cutOff(this.socket), this.deadlines.headersMs).unref();
  }

  request(req: IncomingMessage, res: ServerResponse): void {
    clearTimeout(this.waiting);
    this.waiting = undefined;
    this.open += 1;
    // The body is in once the parser has read the whole message, whether or not a handler consumes it (a
    // GET's event stream never does): the deadline looks at that, not at 'end'.
    const body = setTimeout(() => {
      if (!req.complete) cutOff(this.socket, res);
    }, this.deadlines.bodyMs).unref();
    res.once('close', () => {
      clearTimeout(body);
      this.open -= 1;
      // A kept-alive connection has the headers deadline again for its next request (pipelined requests
      // already read are answered in turn and keep it off).
      if (this.open === 0) this.awaitRequest();
    });
  }
}

/**
 * Header and body deadlines kept per connection, in place of Node's headersTimeout and requestTimeout: Node
 * checks those on a timer that runs every connectionsCheckingInterval for as long as the server listens,
 * connections or not, and so wakes an idle tray app every second. These timers exist only while a connection
 * is open, so a server nobody talks to is never woken. A client that misses a deadline gets 408 (when no
 * answer has begun) and its connection is closed. Answers themselves (event streams) are not timed.
 */
export function keepDeadlines(server: Server, deadlines: Deadlines): void {
  const connections = new WeakMap<Socket, Connection>();
  server.headersTimeout = 0;
  server.requestTimeout = 0;
  server.on('connection', (socket: Socket) => connections.set(socket, new Connection(socket, deadlines)));
  server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    connections.get(req.socket)?.request(req, res),
  );
}

/** Node's connection check, pushed out as far as a timer goes (keepDeadlines does its work). */
export const NO_CONNECTIONS_CHECK = 2 ** 31 - 1;

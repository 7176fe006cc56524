import assert from 'node:assert/strict';
import { createHook } from 'node:async_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  keepDeadlines,
  NO_CONNECTIONS_CHECK,
  type Deadlines,
} from '../../../../src-main/core/server/connection-deadlines.ts';

// A real server on 127.0.0.1 with short deadlines (500 ms for headers, 800 ms for a body), driven over raw
// sockets: a client that trickles is cut off with 408, a slow answer is not.
const HEADERS_MS = 500;
const BODY_MS = 800;

function answer(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'POST') {
    req.resume().once('end', () => res.end('read'));
    return;
  }
  // Never reads the request: a GET's body is complete all the same.
  const slow = req.url === '/slow';
  if (slow) res.writeHead(200, { 'content-length': '4' }).write('sl');
  setTimeout(() => (slow ? res.end('ow') : res.end('ok')), slow ? 3 * BODY_MS : 0);
}

async function listening(deadlines: Deadlines): Promise<{ server: Server; port: number }> {
  const server = createServer({ connectionsCheckingInterval: NO_CONNECTIONS_CHECK }, answer);
  keepDeadlines(server, deadlines);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

let server: Server;
let port: number;
before(async () => ({ server, port } = await listening({ headersMs: HEADERS_MS, bodyMs: BODY_MS })));
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Writes `first`, then `drip` every 50 ms for `dripMs`, and reads until the server closes: what came back, and
 * when it closed. The drip stops short of the deadline: a server that closes while bytes still arrive may
 * reset the connection before the client reads the 408.
 */
function exchange(first: string, drip?: string, dripMs = 0): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let text = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(first));
    const timer = setInterval(() => {
      if (drip !== undefined && Date.now() - started < dripMs && socket.writable) socket.write(drip);
    }, 50);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => {});
    const stuck = setTimeout(() => reject(new Error(`still open after 5 s: ${JSON.stringify(text)}`)), 5_000);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(stuck);
      resolve({ text, ms: Date.now() - started });
    });
  });
}

const statuses = (text: string) => [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));

describe('connection deadlines', () => {
  test('headers trickled past the headers deadline: 408, then the connection is closed', async () => {
    const dripMs = HEADERS_MS - 100;
    const { text, ms } = await exchange('GET / HTTP/1.1\r\nHost: a\r\n', 'X-Slow: a\r\n', dripMs);
    assert.deepEqual(statuses(text), [408]);
    // Counted from the connection, not from the last byte (an idle timeout would close at dripMs + 500).
    assert.ok(ms >= HEADERS_MS && ms < dripMs + HEADERS_MS - 100, `closed after ${ms} ms`);
  });

  test('a body trickled past the body deadline: 408 once its headers are in', async () => {
    const head = 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n';
    const { text, ms } = await exchange(head, 'x', BODY_MS - 100);
    assert.deepEqual(statuses(text), [408]);
    assert.ok(ms >= BODY_MS && ms < 2 * BODY_MS - 200, `closed after ${ms} ms`);
  });

  test('a kept-alive connection has the headers deadline again for its next request', async () => {
    const { text, ms } = await exchange('GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\n');
    assert.deepEqual(statuses(text), [200, 408]);
    assert.ok(ms >= HEADERS_MS, `closed after ${ms} ms`);
  });

  test('answers are not timed: a slow answer and one pipelined behind it both finish', async () => {
    const get = 'GET /slow HTTP/1.1\r\nHost: a\r\n\r\n';
    const { text, ms } = await exchange(`${get}${get}GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`);
    assert.deepEqual(statuses(text), [200, 200, 200]);
    assert.equal(text.match(/slow/g)?.length, 2);
    assert.ok(ms >= 3 * BODY_MS, `closed after ${ms} ms`);
  });

  test('once a client closes its kept-alive connection, the server keeps no timer of its own', async () => {
    // Deadlines longer than the test: a timer left behind would still be pending at its end. (Made before the
    // count starts: Node's connection check, pushed out to 24.8 days, is its one timer.)
    const patient = await listening({ headersMs: 60_000, bodyMs: 60_000 });
    const live = new Set<number>();
    const hook = createHook({
      init: (id, type) => void (type === 'Timeout' && live.add(id)),
      destroy: (id) => void live.delete(id),
    }).enable();
    try {
      // Kept alive, then closed by the client while it waits for the next request.
      await new Promise<void>((resolve) => {
        const socket = connect(patient.port, '127.0.0.1', () =>
          socket.write('GET / HTTP/1.1\r\nHost: a\r\n\r\n'),
        );
        socket.once('data', () => socket.end());
        socket.once('close', () => resolve());
      });
      // Node's own Date-header cache timer lasts under a second.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(live.size, 0, `${live.size} timers still pending`);
    } finally {
      hook.disable();
      patient.server.close();
    }
  });
});

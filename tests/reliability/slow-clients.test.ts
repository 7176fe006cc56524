import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { FULL_KEY, serveDuringTests } from '../support/serve-process.ts';
import { rawRequest } from '../support/raw-http.ts';

// Slow and abusive clients against a real serve: 300 sockets trickling their headers (slowloris) do not
// keep a normal client from being served within a second, and they are cut off once the header timeout
// (10 s) passes.
const server = serveDuringTests();
const SOCKETS = 300;

function trickler(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET /mcp/status HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
      const drip = setInterval(() => socket.write('X-Slow: a\r\n'), 1_000);
      const closed = new Promise<void>((done) => socket.once('close', () => (clearInterval(drip), done())));
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

describe('slow and abusive clients', () => {
  test(`${SOCKETS} slowloris sockets: a normal client is served within 1 s; the header timeout ends them`, async () => {
    const port = server().port;
    const slow = await Promise.all(Array.from({ length: SOCKETS }, () => trickler(port)));
    try {
      await sleep(500);
      const started = Date.now();
      const res = await rawRequest(port, { path: '/mcp/status', headers: { 'x-api-key': FULL_KEY } });
      const took = Date.now() - started;
      assert.equal(res.status, 200);
      assert.ok(took < 1_000, `served in ${took} ms`);
      const ended = await Promise.race([
        Promise.all(slow.map((s) => s.closed)).then(() => true),
        sleep(13_000).then(() => false),
      ]);
      assert.ok(ended, 'the trickling sockets were closed by the 10 s header timeout');
    } finally {
      for (const { socket } of slow) socket.destroy();
    }
    console.log(
      `reliability: ${SOCKETS} slowloris sockets, normal client served, all cut by the header timeout`,
    );
  });
});

import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { webDashboardDuringTests } from '../support/web-dashboard-session.ts';

// 200 dashboard event streams at once (tabs left open, or someone with a session opening them in a loop):
// at most MAX_EVENT_STREAMS (32) stay open, the oldest ended first, and the dashboard still answers.
const web = webDashboardDuringTests();
const STREAMS = 200;
const CAP = 32;

function openStream(port: number, cookie: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/api/events',
      headers: { cookie, host: `127.0.0.1:${port}` },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

describe('dashboard event streams under pressure', () => {
  test(`${STREAMS} streams: at most ${CAP} stay open, the oldest end first, and /api still answers`, async () => {
    const port = web.server().port;
    const streams: { res: IncomingMessage; ended: boolean }[] = [];
    for (let i = 0; i < STREAMS; i += 1) {
      const res = await openStream(port, web.cookie());
      assert.equal(res.statusCode, 200);
      const entry = { res, ended: false };
      res.on('data', () => {});
      res.once('end', () => (entry.ended = true));
      streams.push(entry);
    }
    await sleep(300);
    const open = streams.filter((stream) => !stream.ended);
    assert.ok(open.length <= CAP, `${open.length} streams still open`);
    assert.ok(
      streams.slice(-CAP).every((stream) => !stream.ended),
      'the newest stay open',
    );
    assert.ok(
      streams.slice(0, STREAMS - CAP).every((stream) => stream.ended),
      'the oldest were ended',
    );
    const answer = await web.invoke('server.status');
    assert.equal(answer.status, 200);
    for (const { res } of streams) res.destroy();
    console.log(
      `reliability: ${STREAMS} dashboard event streams opened, ${open.length} left open (cap ${CAP})`,
    );
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { JSON_RPC_HEADERS, rawRequest } from '../support/raw-http.ts';
import { FULL_KEY, serveDuringTests } from '../support/serve-process.ts';

// 1,000 2025-era initializes that never say goodbye (no DELETE): the 2025 endpoint is stateless, so none of
// them leaves anything behind: no session id is handed out (so there is nothing to expire), and other
// clients are served after. The RSS is printed, not judged: 1,200 requests are far from the heap's working
// size (the load test of the reliability suite judges memory after a real warm-up).
// Its keys' rate limit is raised: the point is what a thousand sessions leave, not the limit.
const server = serveDuringTests({ args: ['--rate-limit', '100000/min'] });
const ABANDONED = 1_000;

const rss = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server().child.pid}/status`, 'utf8'))?.[1]) / 1024;

function initialize(i: number) {
  return rawRequest(server().port, {
    method: 'POST',
    path: '/mcp',
    headers: { ...JSON_RPC_HEADERS, 'x-api-key': FULL_KEY },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: i,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: `abandoned-${i}`, version: '1' },
      },
    }),
  });
}

describe('abandoned 2025-era sessions', () => {
  test(`${ABANDONED} initializes without DELETE leave nothing behind`, async () => {
    for (let i = 0; i < 200; i += 1) await initialize(i);
    const warm = rss();
    for (let i = 0; i < ABANDONED; i += 10) {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, j) => initialize(1_000 + i + j)));
      for (const answer of answers) {
        assert.equal(answer.status, 200);
        assert.equal(answer.headers['mcp-session-id'], undefined, 'no session to abandon');
      }
    }
    const other = await rawRequest(server().port, {
      method: 'POST',
      path: '/mcp',
      headers: { ...JSON_RPC_HEADERS, 'x-api-key': FULL_KEY },
      body: JSON.stringify({ jsonrpc: '2.0', id: 'other', method: 'tools/list' }),
    });
    assert.equal(other.status, 200);
    const after = rss();
    console.log(
      `reliability: ${ABANDONED} abandoned initializes, RSS ${warm.toFixed(0)} -> ${after.toFixed(0)} MiB`,
    );
  });
});

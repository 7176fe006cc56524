// `npm run bench`: authenticated MCP tools/call on `mcp-tray serve` against a bare Express handler answering
// the same JSON-RPC body, in one run with autocannon (10 connections), alternating ours and bare twice, for
// a 2025-11-25 client and for a 2026-07-28 client. Prints figures and ratios; it never fails.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { CLI, CLI_NODE_FLAGS } from '../tests/support/serve-process.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IDLE_RELEASE_MS } from '../src-main/core/server/idle-memory.ts';

const ROUNDS = 2;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const KEY = 'mcp_bench_0123456789abcdefghijklmnopqrstuv';
const root = join(import.meta.dirname, '..');

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
const SCENARIOS = [
  {
    label: '2025-11-25 client',
    headers: { 'mcp-protocol-version': '2025-11-25' },
    params: { name: 'whoami', arguments: {} },
  },
  {
    label: '2026-07-28 client',
    headers: { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'whoami' },
    params: { name: 'whoami', arguments: {}, _meta: META },
  },
];

interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

function start(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /^(http:\/\/\S+)$/m.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

function rssMiB(child: ChildProcess): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

async function load(
  url: string,
  scenario: (typeof SCENARIOS)[number],
  key: string | undefined,
  seconds: number,
) {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...scenario.headers,
      ...(key ? { 'x-api-key': key } : {}),
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: scenario.params }),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const dataDir = mkdtempSync(join(tmpdir(), 'mcp-bench-'));
const ours = await start(
  // The rate limiter runs on every request, set high enough that it never refuses one here.
  [...CLI_NODE_FLAGS, CLI, 'serve', '--port', '0', '--data-dir', dataDir, '--rate-limit', '1000000/s'],
  {
    MCP_API_KEYS: JSON.stringify({
      [KEY]: { name: 'Bench', userId: 'bench', role: 'user', permissions: ['*'] },
    }),
  },
);
const bare = await start([join(root, 'bench/bare-express-server.ts')]);
const pad = (value: number | string, width = 7) =>
  String(typeof value === 'number' ? value.toFixed(0) : value).padStart(width);

try {
  // Warm up until the heap has grown to its working size (RSS grows under 3 % between two loads).
  let rss = rssMiB(ours.child);
  const idle = rss;
  for (let i = 0; i < 10; i += 1) {
    for (const scenario of SCENARIOS) await load(ours.url, scenario, KEY, 2);
    const next = rssMiB(ours.child);
    const settled = next < rss * 1.03;
    rss = next;
    if (settled) break;
  }
  await load(bare.url, SCENARIOS[0]!, undefined, 1);
  const rssBefore = rssMiB(ours.child);
  console.log(
    `tools/call, 10 connections, ${SECONDS} s per run, ${ROUNDS} alternating rounds per client era`,
  );
  const summary: string[] = [];
  for (const scenario of SCENARIOS) {
    console.log(`\n${scenario.label}\nround   ours req/s  p50  p99 |  bare req/s  p50  p99 | ours/bare`);
    const rows: { ours: Figures; bare: Figures }[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const row = {
        ours: await load(ours.url, scenario, KEY, SECONDS),
        bare: await load(bare.url, scenario, undefined, SECONDS),
      };
      rows.push(row);
      console.log(
        `${String(round).padEnd(6)} ${pad(row.ours.rps)} ${pad(row.ours.p50, 4)} ${pad(row.ours.p99, 4)} | ${pad(row.bare.rps)} ${pad(row.bare.p50, 4)} ${pad(row.bare.p99, 4)} | ${(row.ours.rps / row.bare.rps).toFixed(2)}`,
      );
    }
    const sum = (pick: (row: (typeof rows)[number]) => number) =>
      rows.reduce((total, row) => total + pick(row), 0);
    summary.push(
      `${scenario.label}: throughput ours/bare ${(sum((r) => r.ours.rps) / sum((r) => r.bare.rps)).toFixed(2)} (target 0.50 or more), ` +
        `ours p99 ${Math.max(...rows.map((r) => r.ours.p99))} ms (target under 10 ms)`,
    );
  }
  const rssAfter = rssMiB(ours.child);
  console.log(`\n${summary.join('\n')}`);
  console.log(
    `ours RSS: ${idle.toFixed(1)} MiB idle, ${rssBefore.toFixed(1)} MiB after warm-up, ${rssAfter.toFixed(1)} MiB after the run: ` +
      `ratio ${(rssAfter / rssBefore).toFixed(2)} (target within 1.10)`,
  );
  // The idle release (core/server/idle-memory.ts) once no request has come for a while.
  await sleep(IDLE_RELEASE_MS + 3_000);
  console.log(
    `ours RSS once idle again (${IDLE_RELEASE_MS / 1000 + 3} s later): ${rssMiB(ours.child).toFixed(1)} MiB`,
  );
} finally {
  ours.child.kill('SIGTERM');
  bare.child.kill('SIGTERM');
}

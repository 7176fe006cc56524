// `npm run bench`, gateway section: server-everything's `echo` reached directly over stdio by an SDK client,
// through MCP Tray (both eras), and through supergateway and mcp-proxy, all in one run on this machine.
// Every path is measured once per round, in turn, for several rounds, so that a machine that slows down or
// speeds up during the run weighs on every path alike; each round's figures are taken against the same
// round's direct stdio and peers, and the medians over rounds are printed. Prints added latency over direct
// stdio (median, p99), req/s over 10 connections (raw tools/call requests of either era, through
// autocannon), and each gateway's RSS with its children, after warm-up and after the run. It never fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { CLI, CLI_NODE_FLAGS, freePort } from '../tests/support/serve-process.ts';
import {
  at,
  CALLS,
  connect,
  echo,
  http,
  latencies,
  rawThroughput,
  ready,
  throughput,
  treeRssMiB,
  type Era,
} from './gateway-measures.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const KEY = 'mcp_bench_0123456789abcdefghijklmnopqrstuv';
const root = join(import.meta.dirname, '..');
const EVERYTHING = [
  process.execPath,
  join(root, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js'),
  'stdio',
];

function launch(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(args[0] as string, args.slice(1), { env: { ...process.env, ...env }, stdio: 'ignore' });
}

/** One path to the upstream's echo: a gateway (its URL, tool name, era, key and process) or direct stdio. */
interface Path {
  label: string;
  ours: boolean;
  client: Client;
  tool: string;
  /** For a gateway: what autocannon loads and whose RSS is read. */
  gateway?: { url: string; era: Era; key?: string; process: ChildProcess };
  rssWarm?: number;
}

/** One round's figures of one path. */
interface Figures {
  median: number;
  p99: number;
  rps: number;
  hop?: number;
}

/**
 * Warm-up: loads like the measured one (discarded), until the RSS of the gateway and its upstream grows by
 * less than 3 % over one (at most 8), so the heaps and the JIT reach their working state, for every gateway
 * alike. Returns the RSS then.
 */
async function warmUp(path: Path): Promise<number | undefined> {
  const gateway = path.gateway;
  if (gateway?.process.pid === undefined) return undefined;
  let rss = treeRssMiB(gateway.process.pid);
  for (let round = 0; round < 8; round += 1) {
    await rawThroughput(gateway.url, path.tool, gateway.key, gateway.era);
    const now = treeRssMiB(gateway.process.pid);
    const settled = now < rss * 1.03;
    rss = now;
    if (settled) break;
  }
  return rss;
}

async function measure(path: Path): Promise<Figures> {
  const times = await latencies(path.client, { ...echo, name: path.tool });
  // The gateway's own hop: a gateway call minus a built-in tool call on the same connection.
  const builtin = path.ours ? await latencies(path.client, { name: 'whoami', arguments: {} }) : undefined;
  const gateway = path.gateway;
  // The SDK client is too slow to load a gateway (about 1,000 calls/s here whichever gateway): raw requests.
  const rps =
    gateway === undefined
      ? await throughput([path.client], echo)
      : await rawThroughput(gateway.url, path.tool, gateway.key, gateway.era);
  return {
    median: at(times, 0.5),
    p99: at(times, 0.99),
    rps,
    ...(builtin !== undefined && { hop: at(times, 0.5) - at(builtin, 0.5) }),
  };
}

const median = (values: number[]) =>
  at(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const f = (n: number | undefined, digits = 2) => (n === undefined ? '-' : n.toFixed(digits));
const range = (values: number[], digits = 2) =>
  `${f(median(values), digits)} (${f(Math.min(...values), digits)} to ${f(Math.max(...values), digits)})`;

function trayData(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-bench-gateway-'));
  writeFileSync(
    join(dataDir, 'servers.json'),
    JSON.stringify({
      version: 1,
      servers: [
        {
          name: 'everything',
          enabled: true,
          prefix: 'everything',
          addedAt: new Date().toISOString(),
          kind: 'stdio',
          command: EVERYTHING[0],
          args: EVERYTHING.slice(1),
          env: {},
          secretEnv: [],
        },
      ],
    }),
  );
  return dataDir;
}

const PEERS: [string, (port: number) => string[]][] = [
  [
    'supergateway (stateful)',
    (port) => [
      join(root, 'node_modules', '.bin', 'supergateway'),
      '--stdio',
      EVERYTHING.join(' '),
      '--outputTransport',
      'streamableHttp',
      '--stateful',
      '--port',
      String(port),
      '--logLevel',
      'none',
    ],
  ],
  [
    'mcp-proxy',
    (port) => [
      join(root, 'node_modules', '.bin', 'mcp-proxy'),
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--server',
      'stream',
      '--',
      ...EVERYTHING,
    ],
  ],
];

const children: ChildProcess[] = [];
try {
  const direct: Path = {
    label: 'direct stdio (one client: stdio has one)',
    ours: false,
    tool: 'echo',
    client: await connect(
      new StdioClientTransport({ command: EVERYTHING[0] as string, args: EVERYTHING.slice(1) }),
    ),
  };
  const trayPort = await freePort();
  const tray = launch(
    [
      process.execPath,
      ...CLI_NODE_FLAGS,
      CLI,
      'serve',
      '--port',
      String(trayPort),
      '--data-dir',
      trayData(),
      '--secret-store',
      'file',
      '--rate-limit',
      '1000000/s',
    ],
    {
      MCP_API_KEYS: JSON.stringify({
        [KEY]: { name: 'Bench', userId: 'bench', role: 'user', permissions: ['*'] },
      }),
    },
  );
  children.push(tray);
  const trayUrl = `http://127.0.0.1:${trayPort}/mcp`;
  await ready(trayUrl, KEY);
  const paths: Path[] = [direct];
  for (const era of ['legacy', 'modern'] as const)
    paths.push({
      label: `MCP Tray, ${era === 'legacy' ? '2025-11-25' : '2026-07-28'} client`,
      ours: true,
      tool: 'everything__echo',
      client: await connect(http(trayUrl, KEY), era),
      gateway: { url: trayUrl, era, key: KEY, process: tray },
    });
  for (const [label, args] of PEERS) {
    const port = await freePort();
    const peer = launch(args(port));
    children.push(peer);
    const url = `http://127.0.0.1:${port}/mcp`;
    try {
      await ready(url);
      paths.push({
        label,
        ours: false,
        tool: 'echo',
        client: await connect(http(url)),
        gateway: { url, era: 'legacy', process: peer },
      });
    } catch (error) {
      console.log(`${label}: not measured (${(error as Error).message})`);
    }
  }
  for (const path of paths) {
    const rss = await warmUp(path);
    if (rss !== undefined) path.rssWarm = rss;
  }

  const rounds: Figures[][] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const figures: Figures[] = [];
    for (const path of paths) figures.push(await measure(path));
    rounds.push(figures);
  }
  const rssAfter = paths.map((path) =>
    path.gateway?.process.pid === undefined ? undefined : treeRssMiB(path.gateway.process.pid),
  );

  console.log(
    `\ngateway: server-everything echo; per round and path ${CALLS} sequential calls (added over the round's direct stdio) and 10 clients for ${process.env['BENCH_SECONDS'] ?? 4} s; medians of ${ROUNDS} rounds`,
  );
  console.log(
    'path                                      median  p99   added med  added p99   req/s   RSS warm/after (MiB)',
  );
  const of = (i: number, pick: (figures: Figures) => number) => median(rounds.map((r) => pick(r[i]!)));
  const added = (i: number, pick: (figures: Figures) => number) =>
    rounds.map((r) => pick(r[i]!) - pick(r[0]!));
  paths.forEach((path, i) =>
    console.log(
      `${path.label.padEnd(41)} ${f(of(i, (x) => x.median)).padStart(6)} ${f(of(i, (x) => x.p99)).padStart(6)} ${f(median(added(i, (x) => x.median))).padStart(9)} ${f(median(added(i, (x) => x.p99))).padStart(10)} ${f(
        of(i, (x) => x.rps),
        0,
      ).padStart(7)}   ${f(path.rssWarm, 1)}/${f(rssAfter[i], 1)}`,
    ),
  );
  const peers = paths.map((path, i) => ({ path, i })).filter(({ path }) => !path.ours && path.gateway);
  paths.forEach((path, i) => {
    if (!path.ours) return;
    const ratios = rounds.map((r) => r[i]!.rps / Math.max(...peers.map((peer) => r[peer.i]!.rps)));
    console.log(
      `${path.label}: added median ${range(added(i, (x) => x.median))} ms (target at most 1 ms), ` +
        `own hop ${range(rounds.map((r) => r[i]!.hop ?? 0))} ms (target under 1 ms), ` +
        `req/s ${peers.length === 0 ? 'no peer measured' : `${range(ratios, 1)}x the better peer (target 3x)`}, ` +
        `RSS after the run / after warm-up ${f((rssAfter[i] ?? 0) / (path.rssWarm ?? 1))} (target within 1.10)`,
    );
  });
  for (const path of paths) await path.client.close();
} finally {
  for (const child of children) child.kill('SIGTERM');
}

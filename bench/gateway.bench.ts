// `npm run bench`, gateway section: server-everything's `echo` reached directly over stdio by an SDK client,
// through MCP Tray (both eras), and through supergateway and mcp-proxy, all in one run on this machine.
// Prints added latency over direct stdio (median, p99), req/s over 10 connections (raw tools/call requests
// of either era, through autocannon), and each gateway's RSS with its children, after warm-up and after the
// run. It never fails.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { CLI, CLI_NODE_FLAGS, freePort } from '../tests/support/serve-process.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const CALLS = 1000;
const KEY = 'mcp_bench_0123456789abcdefghijklmnopqrstuv';
const root = join(import.meta.dirname, '..');
const EVERYTHING = [
  process.execPath,
  join(root, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js'),
  'stdio',
];
const echo = { name: 'echo', arguments: { message: 'bench' } };

type Era = 'legacy' | 'modern';

async function connect(transport: StreamableHTTPClientTransport | StdioClientTransport, era: Era = 'legacy') {
  const client = new Client(
    { name: 'gateway-bench', version: '1' },
    { versionNegotiation: { mode: era === 'modern' ? 'auto' : 'legacy' } },
  );
  await client.connect(transport);
  return client;
}

const http = (url: string, key?: string) =>
  new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: key === undefined ? {} : { 'X-API-Key': key } },
  });

/** Latencies of `CALLS` sequential calls, after a warm-up, in ms, sorted. */
async function latencies(
  client: Client,
  call: { name: string; arguments: Record<string, unknown> },
): Promise<number[]> {
  for (let i = 0; i < 200; i += 1) await client.callTool(call);
  const times: number[] = [];
  for (let i = 0; i < CALLS; i += 1) {
    const start = performance.now();
    await client.callTool(call);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

/**
 * Headers for raw tools/call requests: a 2025-11-25 session of its own for a stateful gateway (its session
 * id), none beyond the key for MCP Tray's stateless endpoint.
 */
async function sessionHeaders(url: string, key?: string): Promise<Record<string, string>> {
  const base: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-11-25',
    ...(key !== undefined && { 'x-api-key': key }),
  };
  const init = await fetch(url, {
    method: 'POST',
    headers: base,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'bench', version: '1' },
      },
    }),
  });
  await init.text();
  const session = init.headers.get('mcp-session-id');
  const headers = session === null ? base : { ...base, 'mcp-session-id': session };
  await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  }).then((r) => r.text());
  return headers;
}

/** The `_meta` envelope a 2026-07-28 request carries (an SDK client adds it to every request). */
const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' },
};

/**
 * Requests per second of raw tools/call POSTs over 10 connections (autocannon), for `SECONDS`: 2025-era
 * requests (on a session of their own for a stateful gateway), or 2026-07-28 requests with their envelope
 * and routing headers.
 */
async function rawThroughput(url: string, tool: string, key?: string, era: Era = 'legacy'): Promise<number> {
  const modern = era === 'modern';
  const headers = modern
    ? {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'tools/call',
        'mcp-name': tool,
        ...(key !== undefined && { 'x-api-key': key }),
      }
    : await sessionHeaders(url, key);
  const params = { ...echo, name: tool, ...(modern && { _meta: ENVELOPE }) };
  const result = await autocannon({
    url,
    connections: 10,
    duration: SECONDS,
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params }),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** Calls per second of 10 clients, each calling in a loop for `SECONDS`. */
async function throughput(
  clients: Client[],
  call: { name: string; arguments: Record<string, unknown> },
): Promise<number> {
  const end = performance.now() + SECONDS * 1000;
  const counts = await Promise.all(
    clients.map(async (client) => {
      let n = 0;
      while (performance.now() < end) {
        await client.callTool(call);
        n += 1;
      }
      return n;
    }),
  );
  return counts.reduce((a, b) => a + b, 0) / SECONDS;
}

/** RSS of a process and all its descendants, in MiB (Linux /proc). */
function treeRssMiB(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1)
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  let kib = 0;
  for (const member of tree) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${member}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return kib / 1024;
}

function launch(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(args[0] as string, args.slice(1), { env: { ...process.env, ...env }, stdio: 'ignore' });
}

async function ready(url: string, key?: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    try {
      const client = await connect(http(url, key));
      const { tools } = await client.listTools();
      await client.close();
      if (tools.some((tool) => tool.name.endsWith('echo'))) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never offered echo`);
}

interface Row {
  label: string;
  median: number;
  p99: number;
  rps: number;
  rssIdle?: number;
  rssAfter?: number;
  hop?: number;
}

async function measureGateway(
  label: string,
  url: string,
  tool: string,
  process: ChildProcess | undefined,
  era: Era,
  key?: string,
): Promise<Row> {
  // Warm-up: loads like the measured one (discarded), until the RSS of the gateway and its upstream grows
  // by less than 3 % over one (at most 8), let the heaps and the JIT reach their working state, for every
  // gateway alike; RSS is then measured before and after the measured runs.
  const tree = () => (process?.pid === undefined ? undefined : treeRssMiB(process.pid));
  let rssIdle = tree();
  for (let round = 0; round < 8; round += 1) {
    await rawThroughput(url, tool, key, era);
    const now = tree();
    const settled = rssIdle !== undefined && now !== undefined && now < rssIdle * 1.03;
    rssIdle = now;
    if (settled || now === undefined) break;
  }
  const client = await connect(http(url, key), era);
  const times = await latencies(client, { ...echo, name: tool });
  // The gateway's own hop: a gateway call minus a built-in tool call on the same connection.
  const builtin = key === undefined ? undefined : await latencies(client, { name: 'whoami', arguments: {} });
  await client.close();
  // The SDK client is too slow to load a gateway (about 1,000 calls/s here whichever gateway): raw requests.
  const rps = await rawThroughput(url, tool, key, era);
  const rssAfter = process?.pid === undefined ? undefined : treeRssMiB(process.pid);
  return {
    label,
    median: at(times, 0.5),
    p99: at(times, 0.99),
    rps,
    ...(rssIdle !== undefined && { rssIdle }),
    ...(rssAfter !== undefined && { rssAfter }),
    ...(builtin !== undefined && { hop: at(times, 0.5) - at(builtin, 0.5) }),
  };
}

const children: ChildProcess[] = [];
try {
  const direct = await connect(
    new StdioClientTransport({ command: EVERYTHING[0] as string, args: EVERYTHING.slice(1) }),
  );
  const directTimes = await latencies(direct, echo);
  const directClients = [direct];
  const directRow: Row = {
    label: 'direct stdio (one client: stdio has one)',
    median: at(directTimes, 0.5),
    p99: at(directTimes, 0.99),
    rps: await throughput(directClients, echo),
  };
  await direct.close();

  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-bench-gateway-'));
  const now = new Date().toISOString();
  writeFileSync(
    join(dataDir, 'servers.json'),
    JSON.stringify({
      version: 1,
      servers: [
        {
          name: 'everything',
          enabled: true,
          prefix: 'everything',
          addedAt: now,
          kind: 'stdio',
          command: EVERYTHING[0],
          args: EVERYTHING.slice(1),
          env: {},
          secretEnv: [],
        },
      ],
    }),
  );
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
      dataDir,
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
  const rows = [
    await measureGateway('MCP Tray, 2025-11-25 client', trayUrl, 'everything__echo', tray, 'legacy', KEY),
    await measureGateway('MCP Tray, 2026-07-28 client', trayUrl, 'everything__echo', tray, 'modern', KEY),
  ];

  const peers: [string, (port: number) => string[]][] = [
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
  for (const [label, args] of peers) {
    const port = await freePort();
    const peer = launch(args(port));
    children.push(peer);
    try {
      await ready(`http://127.0.0.1:${port}/mcp`);
      rows.push(await measureGateway(label, `http://127.0.0.1:${port}/mcp`, 'echo', peer, 'legacy'));
    } catch (error) {
      console.log(`${label}: not measured (${(error as Error).message})`);
    }
    peer.kill('SIGTERM');
  }

  const f = (n: number | undefined, digits = 2) => (n === undefined ? '-' : n.toFixed(digits));
  console.log(
    `\ngateway: server-everything echo, ${CALLS} sequential calls (added over direct stdio), 10 clients for ${SECONDS} s`,
  );
  console.log(
    'path                                      median  p99   added med  added p99   req/s   RSS warm/after (MiB)',
  );
  for (const row of [directRow, ...rows])
    console.log(
      `${row.label.padEnd(41)} ${f(row.median).padStart(6)} ${f(row.p99).padStart(6)} ${f(row.median - directRow.median).padStart(9)} ${f(row.p99 - directRow.p99).padStart(10)} ${f(row.rps, 0).padStart(7)}   ${f(row.rssIdle, 1)}/${f(row.rssAfter, 1)}`,
    );
  const ours = rows.filter((row) => row.label.startsWith('MCP Tray'));
  const best = Math.max(0, ...rows.filter((row) => !row.label.startsWith('MCP Tray')).map((row) => row.rps));
  for (const row of ours)
    console.log(
      `${row.label}: added median ${f(row.median - directRow.median)} ms (target at most 1 ms), own hop ${f(row.hop)} ms (target under 1 ms), ` +
        `req/s ${best === 0 ? 'no peer measured' : `${(row.rps / best).toFixed(1)}x the better peer (target 3x)`}, ` +
        `RSS after the run / after warm-up ${f((row.rssAfter ?? 0) / (row.rssIdle ?? 1))} (target within 1.10)`,
    );
} finally {
  for (const child of children) child.kill('SIGTERM');
}

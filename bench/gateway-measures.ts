// Measures for the gateway benchmark (gateway.bench.ts): SDK clients over HTTP or stdio, sequential call
// latencies, raw requests per second through autocannon, and the RSS of a process tree.
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
export const CALLS = Number(process.env['BENCH_CALLS'] ?? 500);
export const echo = { name: 'echo', arguments: { message: 'bench' } };

export type Era = 'legacy' | 'modern';

export async function connect(
  transport: StreamableHTTPClientTransport | StdioClientTransport,
  era: Era = 'legacy',
) {
  const client = new Client(
    { name: 'gateway-bench', version: '1' },
    { versionNegotiation: { mode: era === 'modern' ? 'auto' : 'legacy' } },
  );
  await client.connect(transport);
  return client;
}

export const http = (url: string, key?: string) =>
  new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: key === undefined ? {} : { 'X-API-Key': key } },
  });

/** Latencies of `CALLS` sequential calls, after a warm-up, in ms, sorted. */
export async function latencies(
  client: Client,
  call: { name: string; arguments: Record<string, unknown> },
): Promise<number[]> {
  for (let i = 0; i < 50; i += 1) await client.callTool(call);
  const times: number[] = [];
  for (let i = 0; i < CALLS; i += 1) {
    const start = performance.now();
    await client.callTool(call);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export const at = (sorted: number[], q: number) =>
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
export async function rawThroughput(
  url: string,
  tool: string,
  key?: string,
  era: Era = 'legacy',
): Promise<number> {
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
export async function throughput(
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
export function treeRssMiB(pid: number): number {
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

/** Resolves once the gateway at `url` offers an echo tool (within 30 s). */
export async function ready(url: string, key?: string): Promise<void> {
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

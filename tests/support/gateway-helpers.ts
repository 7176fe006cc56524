import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { UpstreamView } from '../../src-shared/gateway-view.ts';
import { FULL_KEY, runCli, startServe, type ServeOptions, type ServeProcess } from './serve-process.ts';

/** The project's own crashable upstream, and the reference servers from npm, as `servers add` takes them. */
export const FIXTURE_UPSTREAM = [process.execPath, join(import.meta.dirname, 'fixture-upstream.ts')];
export const EVERYTHING_UPSTREAM = [
  process.execPath,
  join(
    import.meta.dirname,
    '..',
    '..',
    'node_modules',
    '@modelcontextprotocol',
    'server-everything',
    'dist',
    'index.js',
  ),
  'stdio',
];

/** Runs `mcp-tray servers ...` against a data folder and expects it to succeed. */
export async function servers(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const at = args.indexOf('--');
  const ours = at < 0 ? args : args.slice(0, at);
  const theirs = at < 0 ? [] : args.slice(at);
  const result = await runCli(['servers', ...ours, '--data-dir', dataDir, ...theirs], env);
  assert.equal(result.code, 0, `servers ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export async function serverList(dataDir: string, env: Record<string, string> = {}): Promise<UpstreamView[]> {
  return (JSON.parse(await servers(dataDir, ['list', '--json'], env)) as { servers: UpstreamView[] }).servers;
}

/** Waits until `servers list` shows what `ready` looks for (the gateway's promise: within 2 s of a change, plus start-up). */
export async function waitForServer(
  dataDir: string,
  name: string,
  ready: (view: UpstreamView) => boolean,
  env: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<UpstreamView> {
  const deadline = Date.now() + timeoutMs;
  let last: UpstreamView | undefined;
  while (Date.now() < deadline) {
    last = (await serverList(dataDir, env)).find((view) => view.name === name);
    if (last !== undefined && ready(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  assert.fail(`"${name}" never got there; last seen: ${JSON.stringify(last)}`);
}

/** An SDK client of either era connected to MCP Tray with a key. */
export async function gatewayClient(url: string, key: string, era: 'legacy' | 'modern'): Promise<Client> {
  const client = new Client(
    { name: `gateway-test-${era}`, version: '1.0.0' },
    { versionNegotiation: { mode: era === 'modern' ? 'auto' : 'legacy' } },
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { 'X-API-Key': key } } }),
  );
  return client;
}

export function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content.map((item) => item.text ?? '').join('');
}

/**
 * Whether a process with this pid still runs. A killed process whose parent died is a zombie until PID 1
 * reaps it, which a container's PID 1 may never do: on Linux a zombie counts as ended.
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') !== true;
  } catch {
    return true;
  }
}

/** One 2025-era JSON-RPC request to a serve's /mcp, as a stateless client sends it (no handshake first). */
export function rawRequest(
  serve: ServeProcess,
  method: string,
  params: Record<string, unknown> = {},
  key = FULL_KEY,
): Promise<Response> {
  return fetch(serve.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-11-25',
      'x-api-key': key,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
}

/**
 * What a client's first request does: the user's servers, left until needed, start. (A key's tools/list, as
 * a client sends on connecting.)
 */
export async function clientCame(serve: ServeProcess, key = FULL_KEY): Promise<void> {
  const response = await rawRequest(serve, 'tools/list', {}, key);
  assert.equal(response.status, 200, await response.text());
}

/** `serve` with the user's servers, and a client come, so that they start. */
export async function startGateway(options: ServeOptions): Promise<ServeProcess> {
  const serve = await startServe(options);
  await clientCame(serve);
  return serve;
}

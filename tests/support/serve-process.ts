import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { after, before } from 'node:test';

/** The CLI as it ships: the built JavaScript that package.json's `bin` points to (npm test builds first). */
export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'mcp-tray.js');

/** The node flags of the CLI's shebang line, so tests run it exactly as the installed bin runs. */
export const CLI_NODE_FLAGS = (
  /^#!\S*env -S node(.*)$/m.exec(readFileSync(CLI, 'utf8').split('\n', 1)[0] ?? '')?.[1] ?? ''
)
  .trim()
  .split(/\s+/)
  .filter(Boolean);

export const FULL_KEY = 'mcp_test_full_0123456789abcdefghijklmnop';
export const SECOND_FULL_KEY = 'mcp_test_second_full_0123456789abcdefgh';
export const READ_ONLY_KEY = 'mcp_test_readonly_0123456789abcdefghijk';
export const WHOAMI_KEY = 'mcp_test_whoami_only_0123456789abcdefgh';
export const CALL_ONLY_KEY = 'mcp_test_call_only_0123456789abcdefghij';

export const TEST_API_KEYS = JSON.stringify({
  [FULL_KEY]: { name: 'Full Access', userId: 'owner', role: 'admin', permissions: ['*'] },
  [SECOND_FULL_KEY]: { name: 'Second Full', userId: 'partner', role: 'user', permissions: ['*'] },
  [READ_ONLY_KEY]: {
    name: 'Read Only',
    userId: 'viewer',
    role: 'user',
    permissions: ['tools:list', 'status:read'],
  },
  [WHOAMI_KEY]: {
    name: 'Whoami Only',
    userId: 'bot',
    role: 'user',
    permissions: ['tools:list', 'tools:call:who*'],
  },
  [CALL_ONLY_KEY]: { name: 'Call Only', userId: 'bot', role: 'user', permissions: ['tools:call'] },
});

export interface ServeProcess {
  url: string;
  origin: string;
  port: number;
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface ServeOptions {
  args?: string[];
  env?: Record<string, string>;
  /** Defaults to a fresh temporary folder. */
  dataDir?: string;
}

/** Runs `mcp-tray serve` as its own process on a free port and waits for the URL line it prints. */
export async function startServe(options: ServeOptions = {}): Promise<ServeProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mcp-tray-test-'));
  const child = spawn(
    process.execPath,
    [...CLI_NODE_FLAGS, CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    {
      env: { PATH: process.env['PATH'] ?? '', MCP_API_KEYS: TEST_API_KEYS, ...options.env },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^(http:\/\/\S+)\n/m.exec(stdout);
      if (line?.[1]) resolve(line[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening:\n${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

/** Runs the CLI to completion and returns its exit code and output. */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...CLI_NODE_FLAGS, CLI, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Starts one server before the tests of the calling file and stops it after them; call the result to reach it. */
export function serveDuringTests(options: ServeOptions = {}): () => ServeProcess {
  let server: ServeProcess | undefined;
  before(async () => {
    server = await startServe(options);
  });
  after(async () => {
    await server?.stop();
  });
  return () => {
    if (server === undefined) throw new Error('the test server has not started');
    return server;
  };
}

/** A port that was free a moment ago (for servers whose URL must be known before they start). */
export async function freePort(): Promise<number> {
  const probe = createNetServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as AddressInfo).port;
  probe.close();
  await once(probe, 'close');
  return port;
}

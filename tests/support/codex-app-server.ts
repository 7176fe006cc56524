import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const CLIENT_BIN = join(import.meta.dirname, '..', '..', 'node_modules', '.bin');
/** Where scripts/install-test-clients.sh puts the clients that cannot be in the lock file (opencode). */
export const EXTRA_CLIENT_BIN = join(
  import.meta.dirname,
  '..',
  '..',
  '.test-clients',
  'node_modules',
  '.bin',
);

interface ServerStatus {
  name: string;
  tools: Record<string, unknown>;
  toolsError: string | null;
}

/**
 * What the real Codex (and so the ChatGPT desktop app, which runs the same app server) sees of its MCP
 * servers: `codex app-server` over stdio, `initialize`, then `mcpServerStatus/list`, which starts each
 * configured server and lists its tools.
 */
export function codexServerStatus(
  env: Record<string, string>,
  cwd: string,
  timeoutMs = 60_000,
): Promise<ServerStatus[]> {
  const child = spawn(join(CLIENT_BIN, 'codex'), ['app-server'], {
    env,
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
  return new Promise<ServerStatus[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`codex app-server did not list its servers within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n')) {
        const message = JSON.parse(buffer.slice(0, end)) as {
          id?: number;
          result?: { data: ServerStatus[] };
          error?: unknown;
        };
        buffer = buffer.slice(end + 1);
        if (message.id === 1) {
          send({ method: 'initialized' });
          send({ id: 2, method: 'mcpServerStatus/list', params: {} });
        } else if (message.id === 2) {
          clearTimeout(timer);
          child.kill();
          if (message.result === undefined)
            reject(new Error(`mcpServerStatus/list failed: ${JSON.stringify(message.error)}`));
          else resolve(message.result.data);
        }
      }
    });
    child.once('error', reject);
    send({
      id: 1,
      method: 'initialize',
      params: { clientInfo: { name: 'mcp-tray-test', version: '1' }, capabilities: null },
    });
  });
}

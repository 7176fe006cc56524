import type { ConnectClientId, KeyWay } from '../../../src-shared/connect-view.ts';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import { testConnection } from '../http/connection-test.ts';
import type { Reach } from './client-catalog.ts';

/** What Codex passes on to the servers it starts (its default list), besides the entry's `env_vars`. */
const CODEX_ENVIRONMENT = [
  'HOME',
  'LOGNAME',
  'PATH',
  'SHELL',
  'USER',
  'LANG',
  'LC_ALL',
  'TERM',
  'TMPDIR',
  'TZ',
];

/** The environment `client` starts a stdio server with: Codex's stripped one, or everything. */
export function clientEnvironment(
  client: ConnectClientId,
  env: NodeJS.ProcessEnv,
  forwarded: string[],
): Record<string, string> {
  const names =
    client === 'codex' || client === 'chatgpt-desktop'
      ? [...CODEX_ENVIRONMENT, ...forwarded]
      : Object.keys(env);
  const out: Record<string, string> = {};
  for (const name of names) if (env[name] !== undefined) out[name] = env[name];
  return out;
}

/**
 * As checkReach, asked again for up to `settleMs` while the key is refused: a key made a moment ago reaches
 * the running server within a second (it follows keys.json).
 */
export async function checkNewReach(
  way: KeyWay,
  reach: Reach,
  environment: Record<string, string>,
  settleMs: number,
): Promise<{ ok: boolean; message: string }> {
  const until = Date.now() + settleMs;
  for (;;) {
    const result = await checkReach(way, reach, environment);
    if (result.ok || !/refused the key|\(401\)/.test(result.message) || Date.now() > until) return result;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Reaches MCP Tray the way the client will (the bridge started as the client starts it, or the URL with the
 * key header) and lists the tools: says whether it worked, and what to do when it did not.
 */
export async function checkReach(
  way: KeyWay,
  reach: Reach,
  environment: Record<string, string>,
  timeoutMs = 15_000,
): Promise<{ ok: boolean; message: string }> {
  if (way !== 'bridge') {
    const test = await testConnection(reach.url, reach.key ?? '', timeoutMs);
    return test.ok
      ? {
          ok: true,
          message: `Checked: MCP Tray answered at ${reach.url} with ${test.tools?.length ?? 0} tools.`,
        }
      : { ok: false, message: `Not connected yet: ${test.error?.message} ${test.error?.fix}` };
  }
  const [{ Client }, { StdioClientTransport }] = await Promise.all([
    import('@modelcontextprotocol/client'),
    import('@modelcontextprotocol/client/stdio'),
  ]);
  const stderr: string[] = [];
  const transport = new StdioClientTransport({
    command: reach.bridge.command,
    args: reach.bridge.args,
    env: environment,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const client = new Client({ name: `${PRODUCT_NAME} connection check`, version: '1.0.0' });
  try {
    await client.connect(transport, { timeout: timeoutMs });
    const { tools } = await client.listTools(undefined, { timeout: timeoutMs });
    return { ok: true, message: `Checked: the bridge reached MCP Tray and lists ${tools.length} tools.` };
  } catch (error) {
    // The bridge says on stderr what went wrong (not running, key refused): that is what to show.
    const said = stderr
      .join('')
      .trim()
      .split('\n')
      .filter(Boolean)
      .at(-1)
      ?.replace(/^mcp-tray: /, '');
    return { ok: false, message: `Not connected yet: ${said ?? (error as Error).message}` };
  } finally {
    await client.close().catch(() => {});
  }
}

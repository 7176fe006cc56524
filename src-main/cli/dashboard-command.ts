import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../src-shared/product.ts';
import { AppError } from '../core/app-error.ts';
import { dataFolderId, type SignInHelp } from '../core/sessions/dashboard-link.ts';
import { LoginTokens, loginUrl } from '../core/sessions/login-tokens.ts';
import { parseSecretStoreKind } from '../core/keys/open-secret-store.ts';
import { resolveDataDir, resolveServerConfig } from '../core/server/server-config.ts';
import { loadSettings } from '../core/settings/settings-file.ts';
import type { CommandIo } from './command-io.ts';

export const DASHBOARD_HELP = `Usage: mcp-tray dashboard [--port N] [--data-dir PATH] [--secret-store keychain|file]

Prints a fresh one-time sign-in link to the web dashboard of the server running on this computer (valid for
10 minutes, once). Give the same --port and --data-dir as "mcp-tray serve"; with no MCP Tray server on that
port, or one keeping another data folder, it says so and exits 1.
`;

/** `mcp-tray dashboard`: a new sign-in link for the running server, the way Jupyter hands out its URL. */
export async function dashboardCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'secret-store': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(DASHBOARD_HELP);
    return 0;
  }
  parseSecretStoreKind(values['secret-store']);
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const settings = await loadSettings(dataDir, (m) => io.logger.warn(m));
  const config = resolveServerConfig({ port: values.port, dataDir }, io.env, settings);
  const origin = `http://${DEFAULT_HOST}:${config.port}`;
  await checkServerFor(origin, config.port, config.dataDir);
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const token = await new LoginTokens(config.dataDir).issue();
  io.stdout(`${loginUrl(origin, token)}\n`);
  return 0;
}

/** How long the running server has to answer before "no server here" is said (well within 10 s). */
const ANSWER_MS = 5_000;

/**
 * Makes sure an MCP Tray server answers on `port` and keeps its data in `dataDir`: a link made for any other
 * folder would be refused by it. Throws what to do instead.
 */
async function checkServerFor(origin: string, port: number, dataDir: string): Promise<void> {
  const fail = (message: string) => new AppError('server_not_found', message);
  let res: Response;
  try {
    res = await fetch(`${origin}/api/sign-in-help`, { signal: AbortSignal.timeout(ANSWER_MS) });
  } catch {
    throw fail(
      `No MCP Tray server answers on port ${port} (${origin}). Start it with "mcp-tray serve${port === DEFAULT_PORT ? '' : ` --port ${port}`}" first, or give the --port it runs on.`,
    );
  }
  const help = (await res.json().catch(() => undefined)) as Partial<SignInHelp> | undefined;
  if (!res.ok || typeof help?.dataFolder !== 'string')
    throw fail(`What answers on port ${port} is not an MCP Tray server; give the --port MCP Tray runs on.`);
  if (help.dataFolder !== dataFolderId(dataDir))
    throw fail(
      `The MCP Tray server on port ${port} keeps its data in another folder than ${dataDir}, so it would refuse a link made here. For that server, run: ${help.command ?? 'mcp-tray dashboard --data-dir <its folder>'}`,
    );
}

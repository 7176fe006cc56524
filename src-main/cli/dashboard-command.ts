import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST } from '../../src-shared/product.ts';
import { LoginTokens, loginUrl } from '../core/dashboard/login-tokens.ts';
import { parseSecretStoreKind } from '../core/keys/open-secret-store.ts';
import { resolveDataDir, resolveServerConfig } from '../core/server-config.ts';
import { loadSettings } from '../core/settings/settings-file.ts';
import type { CommandIo } from './command-io.ts';

export const DASHBOARD_HELP = `Usage: mcp-tray dashboard [--port N] [--data-dir PATH] [--secret-store keychain|file]

Prints a fresh one-time sign-in link to the web dashboard of the server running on this computer (valid for
10 minutes, once). Give the same --port and --data-dir as "mcp-tray serve".
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
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const origin = `http://${DEFAULT_HOST}:${config.port}`;
  const token = await new LoginTokens(config.dataDir).issue();
  const running = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
    (res) => res.ok,
    () => false,
  );
  if (!running) {
    io.logger.warn(
      `No MCP Tray server answers on port ${config.port}; start it with "mcp-tray serve" (the link works once it runs, for 10 minutes).`,
    );
  }
  io.stdout(`${loginUrl(origin, token)}\n`);
  return 0;
}

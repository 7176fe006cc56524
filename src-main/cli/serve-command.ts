import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appVersion } from '../core/app-version.ts';
import { bridgeLaunch, cliBridge } from '../core/connect/bridge-launch.ts';
import type { StoredKeysStatus } from '../core/auth/stored-key-registry.ts';
import { FileSecretStore } from '../core/keys/file-secret-store.ts';
import { isKeyId } from '../core/keys/secret-format.ts';
import { FILE_STORE_WARNING, withFileStore } from './secret-store-advice.ts';
import type { CommandIo } from './command-io.ts';
import type { EntryHints } from '../core/entry-hints.ts';
import { startServer } from '../core/server/start-server.ts';
import { resolveDataDir, resolveServerConfig } from '../core/server/server-config.ts';
import { loadSettings } from '../core/settings/settings-file.ts';
import { publicOptions, startTunnel } from './serve-tunnel.ts';

export const SERVE_HELP = `Usage: mcp-tray serve [options]

Runs the MCP server without a window (for servers, WSL, or a terminal).

Options:
  --port N            port to listen on (default 3210; env MCP_PORT; 0 picks a free one)
  --host ADDRESS      address to listen on (default 127.0.0.1)
  --allow-lan         required for a --host other than loopback
  --allow-host NAME   also answer to this Host name (repeatable)
  --allow-origin URL  also accept browser requests from this origin (repeatable),
                      e.g. http://localhost:6274 for the MCP Inspector
  --no-query-key      refuse API keys sent as ?api_key= (env MCP_ALLOW_QUERY_KEY=false)
  --data-dir PATH     where keys and settings live (env MCP_TRAY_DATA_DIR)
  --secret-store keychain|file
                      where key secrets live (default: the OS keychain; "file" for headless
                      machines without one: a 0600 file in the data folder)
  --rate-limit RATE   requests per key for keys without their own limit (default 600/min)
  --public-url URL    the https:// address a tunnel or reverse proxy gives this server, for this run
                      (Settings keeps one across runs); http://localhost:PORT for testing
  --oauth-local       OAuth on 127.0.0.1 and localhost too, for local clients that only do OAuth
                      (env MCP_OAUTH_LOCAL; the public URL always has it)
  --tunnel cloudflared|ngrok|tailscale
                      run that tool for a public URL (cloudflared: a quick tunnel, no account;
                      tailscale: Funnel, at this machine's name on the tailnet);
                      restarted when it exits, stopped with the server
  --tunnel-path PATH  the tool's path, when it is not on PATH
  --tunnel-hostname NAME
                      a stable name instead of a quick tunnel's: a named cloudflared tunnel's
                      hostname (its token in TUNNEL_TOKEN, or the one Settings keeps in the
                      keychain), or an ngrok reserved domain

Environment:
  MCP_API_KEYS        JSON object of API keys, e.g.
                      {"<key>": {"name": "Cursor", "userId": "me", "role": "user", "permissions": ["*"]}}
`;

/** The server's messages, finished the command line's way. */
const SERVE_HINTS: EntryHints = {
  createKey: 'Create one with "mcp-tray keys create --name <client>".',
  allowHost: 'Connect through http://127.0.0.1 (or a host added with --allow-host).',
  allowOrigin: (origin) =>
    `Start the server with --allow-origin ${origin === 'null' ? '<origin>' : origin} if you trust it.`,
};

/**
 * In keychain mode: when the keychain cannot be used, or keys were made with --secret-store file (which this
 * server would never see), says exactly which command serves them instead.
 */
async function adviseFileStore(
  args: string[],
  dataDir: string,
  status: StoredKeysStatus,
  io: CommandIo,
): Promise<void> {
  const instead = withFileStore('serve', args);
  if (!status.available && status.code?.startsWith('keychain_'))
    io.logger.warn(
      `Stored keys need the keychain, which cannot be used here. To keep key secrets in a file instead, stop this server and run: ${instead} (and make keys with "mcp-tray keys create --name NAME --secret-store file").`,
    );
  const store = new FileSecretStore(dataDir);
  const inFile = [...(await store.list().catch(() => new Map<string, string>())).keys()].filter(isKeyId);
  if (inFile.length > 0)
    io.logger.warn(
      `${store.label} holds ${inFile.length} key secret${inFile.length === 1 ? '' : 's'} made with --secret-store file, which this server (reading the keychain) does not see. To serve ${inFile.length === 1 ? 'it' : 'them'}, run: ${instead}`,
    );
}

export async function serveCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    allowNegative: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-lan': { type: 'boolean' },
      'allow-host': { type: 'string', multiple: true },
      'allow-origin': { type: 'string', multiple: true },
      'query-key': { type: 'boolean' },
      'data-dir': { type: 'string' },
      'secret-store': { type: 'string' },
      'rate-limit': { type: 'string' },
      'public-url': { type: 'string' },
      'oauth-local': { type: 'boolean' },
      tunnel: { type: 'string' },
      'tunnel-path': { type: 'string' },
      'tunnel-hostname': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(SERVE_HELP);
    return 0;
  }
  const settings = await loadSettings(resolveDataDir(values['data-dir'], io.env), (m) => io.logger.warn(m));
  const config = resolveServerConfig(
    {
      port: values.port,
      host: values.host,
      allowLan: values['allow-lan'],
      allowHost: values['allow-host'],
      allowOrigin: values['allow-origin'],
      queryKey: values['query-key'],
      dataDir: values['data-dir'],
      secretStore: values['secret-store'],
      rateLimit: values['rate-limit'],
      oauthLocal: values['oauth-local'],
    },
    io.env,
    settings,
  );
  // Both are checked before anything starts: a wrong one exits 2 with the reason.
  const { publicUrl, tool, hostname } = publicOptions(values);
  if (publicUrl !== undefined) config.publicBaseUrl = publicUrl;
  const version = appVersion();
  if (config.secretStore === 'file') io.logger.warn(FILE_STORE_WARNING);
  // The bridge follows the port in Settings by itself; one given here (or 0) it must be told.
  const portGiven = values.port !== undefined || io.env['MCP_PORT'] !== undefined;
  const bridge = (port: number) =>
    bridgeLaunch(cliBridge(resolve(process.argv[1] ?? '')), {
      dataDir: config.dataDir,
      port: portGiven ? port : undefined,
      secretStore: config.secretStore,
    });
  const server = await startServer(config, { logger: io.logger, version, hints: SERVE_HINTS, bridge });
  io.stdout(`${server.url}\n`);
  io.logger.info(`MCP Tray ${version} is serving ${server.url}; settings live in ${config.dataDir}.`);
  io.logger.info(`Dashboard (a one-time sign-in link, valid for 10 minutes): ${await server.loginUrl()}`);
  if (config.secretStore === 'keychain')
    await adviseFileStore(args, config.dataDir, server.storedKeys.status, io);
  if (tool !== undefined) await startTunnel(tool, values['tunnel-path'], hostname, server);
  const signal = await io.stopSignal;
  io.logger.info(`${signal} received; finishing requests in flight and stopping.`);
  await server.close();
  return 0;
}

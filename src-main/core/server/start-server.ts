import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditLog } from '../audit/audit-log.ts';
import { recentActivity, type ActivityPage, type ActivityQuery } from '../audit/recent-activity.ts';
import { KeyUsageFile } from '../keys/key-usage-file.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MCP_PATH } from '../../../src-shared/product.ts';
import { parseApiKeys } from '../auth/api-key-registry.ts';
import { FailedAuthLockout } from '../auth/failed-auth-lockout.ts';
import { combinedRegistry } from '../auth/key-registry.ts';
import { RateLimiter } from '../auth/rate-limiter.ts';
import { StoredKeys } from '../auth/stored-keys.ts';
import type { KeychainRunner } from '../keys/keychain-secret-store.ts';
import { openSecretStore } from '../keys/open-secret-store.ts';
import {
  allowedHostHeaders,
  hostForHeader,
  lanHostnames,
  isLoopbackHost,
  LOOPBACK_HOSTNAMES,
} from '../http/host-allowlist.ts';
import { createHttpApp } from '../http/http-app.ts';
import type { RequestsInFlight } from '../http/request-audit.ts';
import { setupDashboard, type Dashboard } from '../dashboard/setup-dashboard.ts';
import {
  settingsController,
  type LiveSettings,
  type SettingsController,
} from '../settings/settings-controller.ts';
import { SettingsFile } from '../settings/settings-file.ts';
import { allowedOrigins } from '../http/origin-allowlist.ts';
import { listenError } from './listen-error.ts';
import type { Logger } from '../logger.ts';
import { mcpRoute } from '../mcp/mcp-route.ts';
import { describePortHolder } from '../port-holder.ts';
import { nearestFreePort } from '../settings/port-check.ts';
import type { ServerConfig } from './server-config.ts';
import { serverStatus } from '../server-status.ts';
import { builtinTools } from '../tools/builtin-tools.ts';
import type { ToolProvider } from '../tools/tool-provider.ts';

/** `keys list` shows a request's use within 5 seconds: usage is written at least this often. */
const USAGE_FLUSH_MS = 2_000;

export interface RunningServer {
  /** The MCP endpoint, e.g. http://127.0.0.1:3210/mcp. */
  readonly url: string;
  readonly port: number;
  /** Whether stored keys could be read, and why not (for the tray and dashboard). */
  readonly storedKeys: StoredKeys;
  /** The dashboard's handler map and events (the app wires them to Electron IPC). */
  readonly dashboard: Dashboard;
  /** A fresh one-time sign-in link for the web dashboard. */
  loginUrl(): Promise<string>;
  /** The newest audit entries, a page at a time, optionally for one key. */
  activity(query?: ActivityQuery): Promise<ActivityPage>;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

export interface ServerDeps {
  logger: Logger;
  version: string;
  now?: () => number;
  /** Tool providers beside the built-ins. */
  providers?: readonly ToolProvider[];
  /** How keychain calls run (the app passes a utilityProcess runner; default: a Node child process). */
  keychainRunner?: KeychainRunner;
  /** Told when MCP requests start and end (the tray's busy icon). */
  inFlight?: RequestsInFlight;
  /** Opens a URL in the system browser (sign-in from the desktop app). */
  openInBrowser?: (url: string) => void;
  /** Opens a folder in the file manager (Settings' data folder, in the desktop app). */
  openFolder?: (path: string) => Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startServer(config: ServerConfig, deps: ServerDeps): Promise<RunningServer> {
  const now = deps.now ?? Date.now;
  const environmentKeys = parseApiKeys(config.apiKeys);
  for (const warning of environmentKeys.warnings) deps.logger.warn(warning);
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const secrets = openSecretStore(config.secretStore, config.dataDir, deps.keychainRunner);
  const storedKeys = new StoredKeys({
    dataDir: config.dataDir,
    secrets,
    logger: deps.logger,
    now,
  });
  // Loading stored keys and the session key both ask the keychain, each waiting 2 s at most for a slow
  // one: they wait side by side, so a stalled keychain holds up the start by 2 s, not 4.
  const keysLoaded = storedKeys.start();
  const audit = new AuditLog({ dir: join(config.dataDir, 'logs'), now });
  await audit.open();
  const usage = new KeyUsageFile(config.dataDir);
  await usage.load();
  usage.start(USAGE_FLUSH_MS);
  const registry = combinedRegistry([environmentKeys, storedKeys]);

  const startedAt = now();
  const status = () => serverStatus({ version: deps.version, startedAt, now, keyCount: () => registry.size });
  const onError = (error: Error) => deps.logger.error(`request failed: ${error.message}`);
  // The SDK reports the requests it refuses (bad envelopes, headers) here too: the client's fault, so a warning.
  const onRefused = (error: Error) => deps.logger.warn(`MCP request not served: ${error.message}`);
  const providers = [builtinTools(status), ...(deps.providers ?? [])];
  const mcp = mcpRoute({ version: deps.version, providers, onError: onRefused });

  let mcpUrl = '';
  // Settings name the running port, so they exist once the server listens.
  const settingsRef: { current?: SettingsController } = {};
  const live: LiveSettings = { allowQueryKey: config.allowQueryKey, publicBaseUrl: config.publicBaseUrl };
  const dashboardReady = setupDashboard({
    dataDir: config.dataDir,
    secrets,
    logger: deps.logger,
    now,
    version: deps.version,
    startedAt,
    environmentKeys: environmentKeys.callers(),
    storedKeys,
    activity: (query) => recentActivity(audit.dir, query),
    mcpUrl: () => mcpUrl,
    oauth: config.oauth,
    ...(deps.openInBrowser && { openInBrowser: deps.openInBrowser }),
    ...(deps.openFolder && { openFolder: deps.openFolder }),
    publicMcpUrl: () => (live.publicBaseUrl === undefined ? undefined : `${live.publicBaseUrl}${MCP_PATH}`),
    settings: () => {
      if (settingsRef.current === undefined)
        throw new Error('settings are not ready before the server listens');
      return settingsRef.current;
    },
    tools: () =>
      providers.flatMap((provider) =>
        provider.tools().map(({ name, title, description }) => ({ name, title, description })),
      ),
    onError,
  });
  const [dashboard] = await Promise.all([dashboardReady, keysLoaded]);
  if (registry.size === 0) {
    deps.logger.warn(
      'No API keys yet, so every MCP request will be refused. Create one with "mcp-tray keys create --name <client>".',
    );
  }

  // The request handler is attached once the port is known (it may be 0 = any free one): the Host and
  // Origin allowlists name it.
  const server = createServer();
  server.requestTimeout = 60_000;
  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    storedKeys.stop();
    await usage.stop();
    await audit.close();
    const inUse = failure.code === 'EADDRINUSE';
    const [holder, freePort] = inUse
      ? await Promise.all([describePortHolder(config.port), nearestFreePort(config.port, config.host)])
      : [];
    throw listenError(failure, config.host, config.port, { holder, freePort });
  }
  const port = (server.address() as AddressInfo).port;
  const names = [
    ...LOOPBACK_HOSTNAMES,
    ...(config.allowLan ? [config.host, ...lanHostnames()] : []),
    ...config.allowHosts,
  ];
  const allowedHosts = allowedHostHeaders(port, names);
  settingsRef.current = settingsController({
    file: new SettingsFile(config.dataDir, now),
    live,
    runningPort: port,
    host: config.host,
    dataDir: config.dataDir,
    secretsIn: secrets.label,
    allowedHosts,
  });
  const app = createHttpApp({
    allowedHosts,
    allowedOrigins: allowedOrigins(port, names, config.allowOrigins),
    registry,
    allowQueryKey: () => live.allowQueryKey,
    lockout: new FailedAuthLockout(now),
    limiter: new RateLimiter(config.defaultRateLimit, now),
    now,
    audit,
    usage,
    onAudit: (entry) => dashboard.recordActivity(entry),
    ...(deps.inFlight !== undefined && { inFlight: deps.inFlight }),
    serving: dashboard.serving,
    dashboard: dashboard.router,
    mcpBody: mcp.parseBody,
    mcp: mcp.handlers,
    status,
    onError,
  });
  server.on('request', app);

  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const displayHost = wildcard ? '127.0.0.1' : hostForHeader(config.host);
  const origin = `http://${isLoopbackHost(displayHost) ? displayHost : '127.0.0.1'}:${port}`;
  mcpUrl = `http://${displayHost}:${port}${MCP_PATH}`;
  return {
    url: mcpUrl,
    port,
    dashboard,
    loginUrl: () => dashboard.issueLoginUrl(origin),
    storedKeys,
    activity: (query) => recentActivity(audit.dir, query),
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          storedKeys.stop();
          void Promise.all([mcp.close(), usage.stop(), audit.close()]).finally(resolve);
        });
        dashboard.close();
        server.closeIdleConnections();
      }),
  };
}

import { setupDashboard } from '../dashboard/setup-dashboard.ts';
import {
  publicMcpUrl,
  settingsController,
  type LiveSettings,
  type SettingsController,
} from '../settings/settings-controller.ts';
import { startAudit } from './audit-module.ts';
import { gatewayDashboard, gatewayProvider } from './gateway-module.ts';
import { serveHttp } from './http-module.ts';
import { tunnelModule } from './tunnel-module.ts';
import { startOAuth } from './oauth-module.ts';
import { filePath, filesRoute, foldersHandlers, startFolders } from './folders-module.ts';
import { prepareDataDir, startKeys } from './keys-module.ts';
import { startListening, stopListening } from './listening.ts';
import { startMcp } from './mcp-module.ts';
import type { RunningServer, ServerConfig, ServerDeps } from './running-server.ts';
import { PLAIN_HINTS } from '../entry-hints.ts';
import { ModuleStack } from './server-module.ts';

export type { RunningServer, ServerDeps } from './running-server.ts';

/**
 * The server, as an ordered list of modules: keys, audit, mcp, dashboard, then the listening socket. Each
 * is closed in reverse order on close, and when a later one fails to start.
 */
export async function startServer(config: ServerConfig, deps: ServerDeps): Promise<RunningServer> {
  const now = deps.now ?? Date.now;
  const { logger } = deps;
  const hints = deps.hints ?? PLAIN_HINTS;
  await prepareDataDir(config.dataDir);
  const modules = new ModuleStack((name, error) => logger.warn(`Closing ${name} failed: ${error.message}`));

  const keys = await modules.start(() => startKeys(config, logger, now, deps.keychainRunner));
  const audit = await modules.start(() => startAudit(config.dataDir, now, (message) => logger.warn(message)));
  const startedAt = now();
  // Tool providers beside the built-ins, in the order their names are claimed.
  // Search results link to /files/<id> on this computer (the public host never serves files).
  let localOrigin = '';
  const folders = await modules.start(() =>
    startFolders({
      dataDir: config.dataDir,
      logger,
      now,
      fileUrl: (id) => `${localOrigin}${filePath(id)}`,
    }),
  );
  const gateway = gatewayProvider(config.dataDir, keys.secrets, deps.version, logger, now, () =>
    folders.tools.tools().map((tool) => tool.name),
  );
  const providers = [folders.tools, gateway, ...(deps.providers ?? [])];
  const mcp = await modules.start(() =>
    startMcp(deps.version, () => keys.registry.size, providers, logger, now, startedAt),
  );
  const onError = (error: Error) => logger.error(`request failed: ${error.message}`);

  let mcpUrl = '';
  // Settings name the running port, so they exist once the server listens.
  const settingsRef: { current?: SettingsController } = {};
  const tunnels = tunnelModule();
  const live: LiveSettings = {
    allowQueryKey: config.allowQueryKey,
    oauthLocal: config.oauthLocal,
    publicBaseUrl: config.publicBaseUrl,
  };
  const oauth = await modules.start(() =>
    startOAuth({ dataDir: config.dataDir, secrets: keys.secrets, logger, now, registry: keys.registry }),
  );
  // Loading stored keys and the session key both ask the keychain, each waiting 2 s at most for a slow
  // one: they wait side by side, so a stalled keychain holds up the start by 2 s, not 4.
  const [dashboard] = await Promise.all([
    modules.start(async () => {
      const built = await setupDashboard({
        dataDir: config.dataDir,
        secrets: keys.secrets,
        logger,
        now,
        version: deps.version,
        startedAt,
        environmentKeys: keys.environmentCallers,
        storedKeys: keys.storedKeys,
        keyStore: keys.keyStore,
        activity: audit.activity,
        mcpUrl: () => mcpUrl,
        oauth: config.oauth,
        ...(deps.openInBrowser && { openInBrowser: deps.openInBrowser }),
        ...(deps.openFolder && { openFolder: deps.openFolder }),
        publicMcpUrl: () => publicMcpUrl(live),
        queryKeyAllowed: () => live.allowQueryKey,
        settings: () => {
          if (settingsRef.current === undefined)
            throw new Error('settings are not ready before the server listens');
          return settingsRef.current;
        },
        tools: mcp.tools,
        servers: gatewayDashboard(gateway, config.dataDir, keys.secrets, deps.version, now),
        bridge: () => deps.bridge?.(Number(new URL(mcpUrl).port)),
        tunnel: tunnels.handlers,
        apps: oauth.apps.handlers(),
        folders: foldersHandlers({
          file: folders.file,
          indexer: folders.indexer,
          dataDir: config.dataDir,
          now,
          reload: folders.reload,
          view: folders.view,
          ...(deps.pickFolder !== undefined && { pickFolder: deps.pickFolder }),
        }),
        onError,
      });
      return { ...built, name: 'dashboard', close: async () => built.close() };
    }),
    keys.loaded,
  ]);
  oauth.apps.onChange((view) => dashboard.events.emit('apps.changed', view));
  folders.onChange((view) => dashboard.events.emit('folders.changed', view));
  keys.storedKeys.onReload(() => oauth.apps.changed());
  if (keys.registry.size === 0) {
    logger.warn(`No API keys yet, so every MCP request will be refused. ${hints.createKey}`);
  }

  let graceMs = 10_000;
  const listening = await modules.start(async () => {
    const started = await startListening(config);
    // Event streams (the dashboard's, MCP listen streams) end as soon as no new request can come; they would
    // hold the server open for the whole grace period otherwise.
    const endStreams = () => {
      dashboard.close();
      void mcp.route.endStreams();
    };
    return { ...started, name: 'http', close: () => stopListening(started.server, graceMs, endStreams) };
  });
  settingsRef.current = settingsController({
    live,
    runningPort: listening.port,
    host: config.host,
    dataDir: config.dataDir,
    secretsIn: keys.secrets.label,
    allowedHosts: listening.allowedHosts,
  });
  const { publicAddress } = settingsRef.current;
  const tunnel = await tunnels.start({
    dataDir: config.dataDir,
    port: listening.port,
    publicAddress,
    logger,
    now,
    onChange: (view) => dashboard.events.emit('tunnel.changed', view),
    secrets: keys.secrets,
  });
  const idle = serveHttp(config, {
    listening,
    registry: keys.registry,
    audit,
    mcp,
    dashboard,
    allowQueryKey: () => live.allowQueryKey,
    status: mcp.status,
    now,
    onError,
    onAudit: (entry) => {
      // A fault of ours is an error in the log, whatever logged its cause; a paused server's 503 is not one.
      if (entry.status >= 500 && entry.outcome !== 'serving_paused')
        logger.error(
          `${entry.method} ${entry.path} answered ${entry.status}${entry.outcome ? ` (${entry.outcome})` : ''}.`,
        );
      dashboard.recordActivity(entry);
    },
    publicAddress,
    files: { route: filesRoute(folders), signedIn: (req) => dashboard.signedIn(req) },
    oauth: (lockout) =>
      oauth.http({
        registry: keys.registry,
        lockout,
        now,
        publicOrigin: () => publicAddress.origin,
        oauthLocal: () => live.oauthLocal,
        onRequest: (request) => dashboard.events.emit('apps.requested', request),
      }),
    ...(deps.inFlight !== undefined && { inFlight: deps.inFlight }),
    hints,
    memoryReducingCollection: deps.memoryReducingCollection,
  });
  if (idle !== undefined) modules.add(idle);
  mcpUrl = listening.mcpUrl;
  localOrigin = listening.origin;
  return {
    url: mcpUrl,
    port: listening.port,
    dashboard,
    storedKeys: keys.storedKeys,
    publicAddress,
    tunnel,
    loginUrl: () => dashboard.issueLoginUrl(listening.origin),
    close: async (grace = 10_000) => {
      graceMs = grace;
      // The tunnel first: nothing from the internet arrives while the rest stops.
      await tunnel.stop(false);
      return modules.close();
    },
  };
}

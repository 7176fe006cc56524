import { homedir } from 'node:os';
import { doctorHandlers } from '../doctor/doctor-handlers.ts';
import type { ServerStatusView, AppInfo } from '../../../src-shared/dashboard-contract.ts';
import { lazySlice } from '../contract-handlers.ts';
import { ServingSwitch } from '../http/serving-switch.ts';
import { signInHelp } from '../sessions/dashboard-link.ts';
import { loadSessions } from '../sessions/load-sessions.ts';
import { setupSignIn } from '../sign-in/setup-sign-in.ts';
import { testConnection } from '../http/connection-test.ts';
import { DashboardEvents } from './dashboard-events.ts';
import { dashboardHandlers } from './dashboard-handlers.ts';
import type { Dashboard, DashboardSetupDeps } from './dashboard-setup-types.ts';
import { rendererDir } from './renderer-dir.ts';
import { SESSION_COOKIE, webDashboard } from './web-dashboard.ts';

export type { Dashboard, DashboardSetupDeps } from './dashboard-setup-types.ts';

/** Builds the dashboard's core: the handler map, its events, and the web door that serves both. */
export async function setupDashboard(deps: DashboardSetupDeps): Promise<Dashboard> {
  const events = new DashboardEvents();
  const status = (): ServerStatusView => {
    const stored = deps.storedKeys.status;
    return {
      state: serving.paused ? 'paused' : 'running',
      mcpUrl: deps.mcpUrl(),
      uptimeSeconds: Math.floor((deps.now() - deps.startedAt) / 1000),
      storedKeys: {
        available: stored.available,
        ...(stored.reason !== undefined && { reason: stored.reason }),
      },
      ...(!stored.available &&
        stored.reason !== undefined && {
          problem: { code: 'stored_keys_unavailable', message: stored.reason },
        }),
    };
  };
  const serving = new ServingSwitch(() => events.emit('server.status', status()));
  deps.storedKeys.onStatus(() => events.emit('server.status', status()));
  deps.storedKeys.onReload(() => events.emit('keys.changed', {}));
  const info = (): AppInfo => {
    const publicMcpUrl = deps.publicMcpUrl();
    return {
      version: deps.version,
      platform: process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux',
      dataDir: deps.dataDir,
      mcpUrl: deps.mcpUrl(),
      ...(publicMcpUrl !== undefined && { publicMcpUrl }),
      queryKeyAllowed: deps.queryKeyAllowed(),
    };
  };
  const sessions = await loadSessions(deps.dataDir, deps.now, deps.secrets, deps.logger);
  const signIn = setupSignIn({
    dataDir: deps.dataDir,
    now: deps.now,
    secrets: deps.secrets,
    logger: deps.logger,
    oauth: deps.oauth,
    port: () => Number(new URL(deps.mcpUrl()).port),
    sessions,
    sessionCookie: SESSION_COOKIE,
    ...(deps.openInBrowser && { openInBrowser: deps.openInBrowser }),
    accountChanged: (view) => events.emit('account.changed', view),
  });
  const handlers = dashboardHandlers({
    info,
    ...(deps.openFolder && { openFolder: deps.openFolder }),
    status,
    serving,
    keyStore: deps.keyStore,
    environmentKeys: deps.environmentKeys,
    activity: deps.activity,
    testKey: (secret) => testConnection(deps.mcpUrl(), secret),
    tools: deps.tools,
    settings: deps.settings,
    signIn: signIn.handlers,
    servers: deps.servers.handlers,
    clients: lazySlice(['clients.list', 'clients.connect', 'clients.disconnect'], async () =>
      (await import('../connect/connect-handlers.ts')).clientsHandlers({
        dataDir: deps.dataDir,
        keys: deps.keyStore,
        place: (projectDir) => ({
          platform: process.platform,
          home: homedir(),
          env: process.env,
          projectDir: projectDir ?? homedir(),
        }),
        mcpUrl: deps.mcpUrl,
        bridge: deps.bridge,
        now: deps.now,
        warn: (message) => deps.logger.warn(message),
      }),
    ),
    tunnel: deps.tunnel,
    apps: deps.apps,
    folders: deps.folders,
    connectors: doctorHandlers({
      publicMcpUrl: deps.publicMcpUrl,
      reveal: (id) => deps.keyStore.reveal(id),
    }),
    now: deps.now,
  });
  deps.servers.onChange((view) => events.emit('servers.changed', view));
  const web = webDashboard({
    handlers,
    events,
    tokens: sessions.tokens,
    sessions: sessions.signer,
    signInHelp: () => signInHelp(Number(new URL(deps.mcpUrl()).port), deps.dataDir),
    extra: signIn.routes,
    rendererDir: rendererDir(),
    onError: deps.onError,
  });
  return {
    handlers,
    events,
    serving,
    router: web.router,
    recordActivity: (entry) => {
      if (entry.path.startsWith('/mcp')) events.emit('activity.added', entry);
    },
    issueLoginUrl: sessions.issueLoginUrl,
    signedIn: web.signedIn,
    close: web.closeStreams,
  };
}

import { userInfo } from 'node:os';
import type { Router } from 'express';
import type { AppInfo, ServerStatusView } from '../../../src-shared/dashboard-contract.ts';
import type { Caller } from '../../../src-shared/caller.ts';
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { ActivityPage, ActivityQuery } from '../audit/recent-activity.ts';
import type { StoredKeys } from '../auth/stored-keys.ts';
import { ServingSwitch } from '../http/serving-switch.ts';
import { KeyStore } from '../keys/key-store.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import type { SettingsController } from '../settings/settings-controller.ts';
import { testConnection } from './connection-test.ts';
import { DashboardEvents } from './dashboard-events.ts';
import { dashboardHandlers, type ContractHandlers } from './dashboard-handlers.ts';
import { dashboardCommandLine, dataFolderId } from '../sessions/dashboard-link.ts';
import { LoginTokens, loginUrl } from '../sessions/login-tokens.ts';
import { rendererDir } from './renderer-dir.ts';
import { SessionSigner } from '../sessions/session-signer.ts';
import { SESSION_COOKIE, webDashboard } from './web-dashboard.ts';
import type { OAuthEnvironment } from '../sign-in/sign-in-config.ts';
import { oauthRoutes } from '../sign-in/sign-in-routes.ts';
import { OAuthSettings } from '../sign-in/sign-in-settings.ts';
import { OwnerList } from '../sign-in/owner-list.ts';
import { PendingSignIns } from '../sign-in/pending-sign-ins.ts';
import { signInCore } from '../sign-in/sign-in-handlers.ts';
import { SignedInAccount } from '../sign-in/signed-in-account.ts';
import { SettingsFile } from '../settings/settings-file.ts';
import { SignedOutSessions } from '../sessions/signed-out-sessions.ts';

export interface DashboardSetupDeps {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  now: () => number;
  version: string;
  startedAt: number;
  environmentKeys: readonly Caller[];
  storedKeys: StoredKeys;
  activity: (query: ActivityQuery) => Promise<ActivityPage>;
  tools: () => { name: string; title: string; description: string }[];
  settings: () => SettingsController;
  /** The public MCP URL when a tunnel is set in Settings. */
  publicMcpUrl: () => string | undefined;
  /** Known once the server listens. */
  mcpUrl: () => string;
  onError: (error: Error) => void;
  /** Sign-in settings from MCP_OAUTH_* (Settings fills in the rest). */
  oauth: OAuthEnvironment;
  /** Opens a URL in the system browser (the desktop app passes shell.openExternal). */
  openInBrowser?: (url: string) => void;
  /** Opens a folder in the file manager (the desktop app passes shell.openPath). */
  openFolder?: (path: string) => Promise<void>;
}

export interface Dashboard {
  handlers: ContractHandlers;
  events: DashboardEvents;
  serving: ServingSwitch;
  router: Router;
  /** Feed every audit entry here: open dashboards show it live. */
  recordActivity(entry: AuditEntry): void;
  /** A one-time sign-in link for the web dashboard at `origin`. */
  issueLoginUrl(origin: string): Promise<string>;
  close(): void;
}

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
    };
  };
  const keyStore = new KeyStore({
    dataDir: deps.dataDir,
    secrets: deps.secrets,
    now: deps.now,
    userId: userInfo().username,
    warn: (message) => deps.logger.warn(message),
  });
  const warn = (message: string) => deps.logger.warn(message);
  const port = () => Number(new URL(deps.mcpUrl()).port);
  const signedOut = await SignedOutSessions.load(deps.dataDir, deps.now, warn);
  const owners = new OwnerList(deps.dataDir, deps.now, warn);
  const oauthSettings = new OAuthSettings({
    env: deps.oauth,
    file: new SettingsFile(deps.dataDir, deps.now),
    secrets: deps.secrets,
    port,
  });
  const signIn = signInCore({
    settings: oauthSettings,
    owners,
    account: new SignedInAccount(deps.dataDir, deps.now, warn),
    signedOut,
    secretsIn: deps.secrets.label,
    port,
    ...(deps.openInBrowser && { openInBrowser: deps.openInBrowser }),
    changed: (view) => events.emit('account.changed', view),
  });
  const handlers = dashboardHandlers({
    info,
    ...(deps.openFolder && { openFolder: deps.openFolder }),
    status,
    serving,
    keyStore,
    environmentKeys: deps.environmentKeys,
    activity: deps.activity,
    testKey: (secret) => testConnection(deps.mcpUrl(), secret),
    tools: deps.tools,
    settings: deps.settings,
    signIn: signIn.handlers,
    now: deps.now,
  });
  const tokens = new LoginTokens(deps.dataDir, deps.now);
  const sessions = await SessionSigner.load(deps.secrets, deps.logger, { signedOut });
  const web = webDashboard({
    handlers,
    events,
    tokens,
    sessions,
    signInHelp: () => ({
      command: dashboardCommandLine(Number(new URL(deps.mcpUrl()).port), deps.dataDir),
      dataFolder: dataFolderId(deps.dataDir),
    }),
    extra: oauthRoutes({
      settings: oauthSettings,
      pending: new PendingSignIns(deps.now),
      owners,
      sessions,
      sessionCookie: SESSION_COOKIE,
      warn,
      onSignedIn: async (who) => {
        deps.logger.info(`Signed in to the dashboard as @${who.login}.`);
        // The session stands even if the desktop app cannot be told (the account file is only for display).
        await signIn
          .signedIn(who)
          .catch((error: Error) => warn(`Could not record the sign-in: ${error.message}`));
      },
    }),
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
    issueLoginUrl: async (origin) => loginUrl(origin, await tokens.issue()),
    close: web.closeStreams,
  };
}

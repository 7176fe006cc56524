import type { Request, Router } from 'express';
import type { Caller } from '../../../src-shared/caller.ts';
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { ActivityPage, ActivityQuery } from '../audit/recent-activity.ts';
import type { StoredKeyRegistry } from '../auth/stored-key-registry.ts';
import type { ChannelsOf, ContractHandlers, HandlerSlice } from '../contract-handlers.ts';
import type { ServersDashboard } from '../gateway/servers-handlers.ts';
import type { ServingSwitch } from '../http/serving-switch.ts';
import type { KeyStore } from '../keys/key-store.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import type { SettingsController } from '../settings/settings-controller.ts';
import type { OAuthEnvironment } from '../sign-in/sign-in-config.ts';
import type { DashboardEvents } from './dashboard-events.ts';

export interface DashboardSetupDeps {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  now: () => number;
  version: string;
  startedAt: number;
  environmentKeys: readonly Caller[];
  storedKeys: StoredKeyRegistry;
  /** The stored keys' lifecycle (create, rotate, revoke...), shared with the CLI's logic. */
  keyStore: KeyStore;
  activity: (query: ActivityQuery) => Promise<ActivityPage>;
  tools: () => { name: string; title: string; description: string }[];
  settings: () => SettingsController;
  /** The public MCP URL when a tunnel is set in Settings. */
  publicMcpUrl: () => string | undefined;
  /** Whether keys in URLs (?api_key=) are accepted now (ChatGPT's connector needs them). */
  queryKeyAllowed: () => boolean;
  /** Known once the server listens. */
  mcpUrl: () => string;
  onError: (error: Error) => void;
  /** Sign-in settings from MCP_OAUTH_* (Settings fills in the rest). */
  oauth: OAuthEnvironment;
  /** Opens a URL in the system browser (the desktop app passes shell.openExternal). */
  openInBrowser?: (url: string) => void;
  /** Opens a folder in the file manager (the desktop app passes shell.openPath). */
  openFolder?: (path: string) => Promise<void>;
  /** The user's MCP servers: the gateway's handlers, and its changes (sent to open dashboards). */
  servers: ServersDashboard;
  /** The tunnel's part of the contract ("Expose to the internet"). */
  tunnel: HandlerSlice<ChannelsOf<'tunnel'>>;
  /** Connected apps (OAuth grants). */
  apps: HandlerSlice<ChannelsOf<'apps'>>;
  /** The folders search and fetch reach. */
  folders: HandlerSlice<ChannelsOf<'folders'>>;
  /** How a client starts the bridge (known once the server listens; undefined: this process's script). */
  bridge: () => { command: string; args: string[] } | undefined;
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
  /** Whether a request comes with a valid dashboard session (the owner's browser on this computer). */
  signedIn(req: Request): Promise<boolean>;
  close(): void;
}

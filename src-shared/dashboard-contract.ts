import type { z } from 'zod';
import type { ConnectClientView, ConnectOutcome } from './connect-view.ts';
import type { DoctorStep } from './doctor-view.ts';
import type { TunnelView } from './tunnel-view.ts';
import type { AppsView } from './connected-app-view.ts';
import type { FoldersView } from './folder-view.ts';
import type { ActivityRow, KeyRow } from './dashboard-rows.ts';

export type { ActivityRow, ActivityStatus, KeyRow } from './dashboard-rows.ts';
import type { invokeInputs } from './dashboard-inputs.ts';
import type { ErrorCode } from './error-codes.ts';
import type { AddedServerStart, ImportPreview, UpstreamView } from './gateway-view.ts';
import type { SignInProvider, SignInSettingsView } from './sign-in-views.ts';

/**
 * The whole contract between the dashboard and the core, in one place: invoke channels (request to
 * response, typed both ways; inputs validated where they arrive with the schemas of dashboard-inputs.ts)
 * and events (core to dashboard). Electron IPC and the web dashboard's /api/* both carry exactly this.
 */

export type InvokeChannel = keyof typeof invokeInputs;
export type InvokeInput<C extends InvokeChannel> = z.infer<(typeof invokeInputs)[C]>;

/** Every invoke channel. Their input schemas are in dashboard-inputs.ts (kept apart so the renderer need not bundle zod). */
export const INVOKE_CHANNELS = [
  'app.info',
  'app.openDataFolder',
  'server.status',
  'server.pause',
  'server.resume',
  'tools.list',
  'keys.list',
  'keys.create',
  'keys.reveal',
  'keys.rotate',
  'keys.update',
  'keys.revoke',
  'keys.delete',
  'keys.test',
  'activity.list',
  'servers.list',
  'servers.add',
  'servers.setEnabled',
  'servers.remove',
  'servers.approve',
  'servers.logs',
  'servers.importPreview',
  'servers.import',
  'clients.list',
  'clients.connect',
  'clients.disconnect',
  'settings.get',
  'settings.update',
  'tunnel.get',
  'tunnel.start',
  'tunnel.stop',
  'connectors.check',
  'folders.list',
  'folders.add',
  'folders.remove',
  'folders.reindex',
  'folders.settings',
  'folders.pick',
  'apps.list',
  'apps.revoke',
  'apps.approve',
  'apps.deny',
  'signIn.get',
  'signIn.update',
  'signIn.check',
  'owners.add',
  'owners.remove',
  'account.get',
  'account.signIn',
  'account.signOut',
] as const satisfies readonly InvokeChannel[];

export type ServerState = 'running' | 'paused' | 'stopped' | 'error';

export interface ServerStatusView {
  state: ServerState;
  mcpUrl: string;
  uptimeSeconds: number;
  /** What is wrong and what to do, when state is error (or stored keys are unavailable). */
  problem?: { code: ErrorCode; message: string };
  storedKeys: { available: boolean; reason?: string };
}

export interface AppInfo {
  version: string;
  platform: 'darwin' | 'win32' | 'linux';
  dataDir: string;
  mcpUrl: string;
  publicMcpUrl?: string;
  /** Whether keys in URLs (?api_key=) are accepted (ChatGPT's connector needs them). */
  queryKeyAllowed: boolean;
}

export interface SettingsView {
  /** The port the server should use (takes effect when it next starts). */
  port: number;
  /** The port it listens on now. */
  runningPort: number;
  publicBaseUrl: string | null;
  allowQueryKey: boolean;
  /** OAuth on 127.0.0.1 and localhost too (the public URL always has it). */
  oauthLocal: boolean;
  dataDir: string;
  /** Where key secrets live, in words ("the macOS Keychain", or the secrets file). */
  secretsIn: string;
  /** True when a saved setting waits for a restart of the server. */
  restartNeeded: boolean;
}

export type { AddedServerStart, ImportPreview } from './gateway-view.ts';
export type { OwnerView, SignInProvider, SignInProviderView, SignInSettingsView } from './sign-in-views.ts';

export interface AccountView {
  /** Who is signed in (the desktop app's account; in the browser, this browser's session). */
  account: { login: string; name: string | null; avatarUrl: string | null; provider: SignInProvider } | null;
  /** Providers that are set up and turned on: offer to sign in with these. */
  providers: SignInProvider[];
}

/** The user's MCP servers behind the gateway, in servers.json order. */
export interface ServersView {
  servers: UpstreamView[];
  /** servers.json could not be read (it was set aside): says where. */
  problem?: string;
}

export interface ConnectionTest {
  ok: boolean;
  tools?: string[];
  /** The HTTP status or error code met, and what to do about it. */
  error?: { status?: number; message: string; fix: string };
}

export interface InvokeOutputs {
  'app.info': AppInfo;
  /** Shows the data folder in Finder, Explorer or the file manager (the desktop app only). */
  'app.openDataFolder': Record<string, never>;
  'server.status': ServerStatusView;
  'server.pause': ServerStatusView;
  'server.resume': ServerStatusView;
  'tools.list': { tools: { name: string; title: string; description: string }[] };
  'keys.list': { keys: KeyRow[]; problems: string[] };
  'keys.create': { key: KeyRow; secret: string };
  'keys.reveal': { secret: string };
  'keys.rotate': { key: KeyRow; secret: string };
  'keys.update': { key: KeyRow };
  'keys.revoke': { key: KeyRow };
  'keys.delete': Record<string, never>;
  'keys.test': ConnectionTest;
  'activity.list': { entries: ActivityRow[]; nextBefore?: string };
  'servers.list': ServersView;
  'servers.add': ServersView & { movedToSecrets: string[]; start: AddedServerStart };
  'servers.setEnabled': ServersView;
  'servers.remove': ServersView;
  'servers.approve': ServersView;
  'servers.logs': { lines: string[]; path: string };
  'servers.importPreview': ImportPreview;
  'servers.import': ServersView & { added: string[] };
  /** The clients MCP Tray can write itself into, and where it keeps the files as they were. */
  'clients.list': { clients: ConnectClientView[]; backupsDir: string };
  'clients.connect': ConnectOutcome;
  'clients.disconnect': ConnectOutcome & { revoked?: string };
  'settings.get': SettingsView;
  'settings.update': SettingsView;
  /** The tunnel that gives this server a public URL ("Expose to the internet"). */
  'tunnel.get': TunnelView;
  'tunnel.start': TunnelView;
  'tunnel.stop': TunnelView;
  /** The public URL walked as a cloud connector would (the doctor's steps). */
  'connectors.check': { url: string; steps: DoctorStep[] };
  /** The folders search and fetch reach. */
  'folders.list': FoldersView;
  'folders.add': FoldersView;
  'folders.remove': FoldersView;
  'folders.reindex': FoldersView;
  'folders.settings': FoldersView;
  /** The system's folder picker (the desktop app only): the chosen folder, or null when cancelled. */
  'folders.pick': { path: string | null };
  /** Apps connected with OAuth, newest first (revoking one ends its tokens at once), and those waiting. */
  'apps.list': AppsView;
  'apps.revoke': AppsView;
  /** The owner's answer to a waiting app: its consent page goes on by itself. */
  'apps.approve': AppsView;
  'apps.deny': AppsView;
  'signIn.get': SignInSettingsView;
  'signIn.update': SignInSettingsView;
  /** Whether the provider accepts the saved client ID and secret (asked without anyone signing in). */
  'signIn.check': { ok: boolean; message: string };
  'owners.add': SignInSettingsView;
  'owners.remove': SignInSettingsView;
  'account.get': AccountView;
  /** The sign-in page to open: the desktop app opens it in the system browser itself. */
  'account.signIn': { url: string };
  'account.signOut': AccountView;
}

export type InvokeOutput<C extends InvokeChannel> = InvokeOutputs[C];

/** Events from the core to every open dashboard. */
export interface EventPayloads {
  'server.status': ServerStatusView;
  'activity.added': ActivityRow;
  'keys.changed': Record<string, never>;
  /** Someone signed in with GitHub or Google in the browser, signed out, or sign-in was set up or off. */
  'account.changed': AccountView;
  /** One of the user's servers started, stopped, changed its tools, or was added or removed. */
  'servers.changed': ServersView;
  /** The tunnel started, got its URL (or a new one), dropped, or stopped. */
  'tunnel.changed': TunnelView;
  /** A folder was added or removed, or its indexing moved on. */
  'folders.changed': FoldersView;
  /** An app was connected with OAuth, revoked, or asks to connect. */
  'apps.changed': AppsView;
  /** An app asks to connect: its consent page is open in a browser (the desktop app raises a notification). */
  'apps.requested': { clientName: string; url: string };
}

export type EventChannel = keyof EventPayloads;
export const EVENT_CHANNELS: EventChannel[] = [
  'server.status',
  'activity.added',
  'keys.changed',
  'account.changed',
  'servers.changed',
  'tunnel.changed',
  'folders.changed',
  'apps.changed',
  'apps.requested',
];

/** A failed call, as both doors deliver it: a stable code and a message a person can act on. */
export interface ContractError {
  code: string;
  message: string;
}

/** The one client interface the renderer uses; the Electron preload and the web client both implement it. */
export interface DashboardClient {
  invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>>;
  /** Returns a function that stops listening. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

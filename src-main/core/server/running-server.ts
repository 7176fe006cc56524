import type { TunnelController } from '../tunnel/tunnel-controller.ts';
import type { PublicAddress } from '../tunnel/public-address.ts';
import type { BridgeLaunch } from '../connect/bridge-launch.ts';
import type { StoredKeyRegistry } from '../auth/stored-key-registry.ts';
import type { Dashboard } from '../dashboard/setup-dashboard.ts';
import type { RequestsInFlight } from '../http/request-audit.ts';
import type { KeychainRunner } from '../keys/keychain-secret-store.ts';
import type { Logger } from '../logger.ts';
import type { ToolProvider } from '../tools/tool-provider.ts';
import type { EntryHints } from '../entry-hints.ts';

export type { ServerConfig } from './server-config.ts';

export interface RunningServer {
  /** The MCP endpoint, e.g. http://127.0.0.1:3210/mcp. */
  readonly url: string;
  readonly port: number;
  /** Whether stored keys could be read, and why not (for the tray and dashboard). */
  readonly storedKeys: StoredKeyRegistry;
  /** The dashboard's handler map and events (the app wires them to Electron IPC). */
  readonly dashboard: Dashboard;
  /** The public origin (Settings', --public-url's or a tunnel's) and the Host names that follow it. */
  readonly publicAddress: PublicAddress;
  /** The tunnel for a public URL (`serve --tunnel`, the dashboard's "Expose to the internet"). */
  readonly tunnel: TunnelController;
  /** A fresh one-time sign-in link for the web dashboard. */
  loginUrl(): Promise<string>;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), closes every module, then resolves. */
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
  /** The system's folder picker (Folders' Choose, in the desktop app): the chosen folder, or undefined. */
  pickFolder?: () => Promise<string | undefined>;
  /** Opens a folder in the file manager (Settings' data folder, in the desktop app). */
  openFolder?: (path: string) => Promise<void>;
  /**
   * How a client starts the bridge to this server, given the port it listens on (the desktop app's own
   * executable with --bridge; `mcp-tray serve` its Node.js and script). Default: this process's script.
   */
  bridge?: (port: number) => BridgeLaunch;
  /** How the entry point that started the server says to fix what its messages report (default: plain words). */
  hints?: EntryHints;
  /**
   * A full V8 collection that shrinks the heap, run once the server goes idle (idle-memory.ts). Default:
   * the `gc` that --expose-gc gives (the CLI's shebang); the desktop app passes its own (app/exposed-gc.ts).
   */
  memoryReducingCollection?: () => void;
}

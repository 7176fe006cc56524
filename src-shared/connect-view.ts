/** The clients whose config MCP Tray writes itself (Connect > Add to…, `mcp-tray connect`). */
export const CONNECT_CLIENTS = [
  'chatgpt-desktop',
  'codex',
  'claude-desktop',
  'claude-code',
  'cursor',
  'vscode',
  'windsurf',
  'gemini',
  'opencode',
  'zed',
  'lm-studio',
] as const;
export type ConnectClientId = (typeof CONNECT_CLIENTS)[number];

export type ConnectScope = 'user' | 'project';

/**
 * How the client gets its key:
 * - `bridge`: the config runs `mcp-tray bridge --key ID`, which reads the key from the keychain (no secret
 *   in any file);
 * - `prompt`: the client asks for the key once and keeps it in its own secret storage (VS Code's
 *   `${input:}` with `password: true`);
 * - `in-file`: the key itself in the client's config, only when the person asks for it.
 */
export type KeyWay = 'bridge' | 'prompt' | 'in-file';

/** One client as the Connect screen and `mcp-tray clients` show it. */
export interface ConnectClientView {
  id: ConnectClientId;
  title: string;
  /** Whether its config folder or program was found on this computer. */
  installed: boolean;
  scopes: ConnectScope[];
  ways: KeyWay[];
  /** Its user-scope config file on this computer. */
  userFile: string;
  /** Set when MCP Tray's entry is in that file. */
  connected?: {
    way: KeyWay | 'other';
    keyId?: string;
    keyName?: string;
    scope: ConnectScope;
    file: string;
  }[];
  /** A command of the client's own that shows whether it reaches MCP Tray. */
  checkCommand?: string;
  /** What to know about this client (a restart, a trust setting), said plainly. */
  note?: string;
}

/** What connecting (or disconnecting) a client changes, or changed. */
export interface ConnectOutcome {
  client: ConnectClientId;
  title: string;
  scope: ConnectScope;
  file: string;
  way: KeyWay;
  /** False when the file already held exactly this: nothing was written. */
  changed: boolean;
  /** A unified diff of the file, any key shown masked. */
  diff: string;
  /** Where the file as it was is kept (none when it did not exist, or nothing changed). */
  backup?: string;
  /** The key the client uses: made for it now, or the one it had. */
  key?: { id: string; name: string; created: boolean };
  /** Whether MCP Tray was reached the way the client will reach it, and what was met. */
  check?: { ok: boolean; message: string };
  /** What the person does next (restart the client, paste the key when asked...). */
  next: string[];
  dryRun: boolean;
}

/** The clients MCP Tray writes ready-to-paste configs for. */
export type ClientId =
  | 'claude-code'
  | 'cursor'
  | 'vscode'
  | 'claude-desktop'
  | 'codex'
  | 'responses-api'
  | 'chatgpt'
  | 'claude-connector'
  | 'curl';

export type Platform = 'darwin' | 'win32' | 'linux';

export interface ConnectorInput {
  /** The local MCP endpoint, e.g. http://127.0.0.1:3210/mcp. */
  mcpUrl: string;
  /** The public HTTPS endpoint, when a tunnel is set up (Settings); cloud-hosted clients need it. */
  publicMcpUrl?: string;
  /** The API key the config should carry (or tell the user to set). */
  apiKey: string;
  platform: Platform;
  /** Whether the server accepts keys in URLs (?api_key=): ChatGPT's connector needs it. */
  queryKeyAllowed?: boolean;
  /** The name the client lists the server under (default "mcp-tray"). */
  serverName?: string;
}

export interface ConnectorConfig {
  client: ClientId;
  title: string;
  format: 'json' | 'toml' | 'shell' | 'text';
  /** What to paste. */
  text: string;
  /** Where it goes on this OS, when it goes in a file. */
  path?: string;
  /** What to do, in order. */
  steps: string[];
  /** Something the user must know (a limit, a caveat), said plainly. */
  note?: string;
  /** Whether `text` holds the key itself (the UI then hides it until asked). */
  containsKey: boolean;
  /** What `text` is, when that is not plain from the client (e.g. "Command Prompt (cmd.exe)"). */
  textLabel?: string;
  /** The same in another form (PowerShell beside cmd.exe). */
  alternatives?: { label: string; text: string }[];
  /**
   * Set when this client cannot connect as things stand: what is missing, said plainly, and whether Settings
   * can fix it. `text` and `steps` are then empty: no steps that cannot work.
   */
  blocked?: { message: string; fix: 'settings' | 'none' };
}

export const KEY_ENV_VAR = 'MCP_TRAY_KEY';
export const DEFAULT_SERVER_NAME = 'mcp-tray';

/**
 * The name a client lists the server under. It is pasted into shell commands and TOML table names, so it
 * is limited to what needs no quoting anywhere: letters, digits, `-` and `_`.
 */
export function serverNameOf(input: ConnectorInput): string {
  const name = input.serverName ?? DEFAULT_SERVER_NAME;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name))
    throw new Error(`"${name}" cannot name a server: use 1 to 64 letters, digits, - or _.`);
  return name;
}

/** How to put the key in an environment variable on this OS, for configs that read it from there. */
export function setKeyEnvStep(platform: Platform, apiKey: string): string {
  return platform === 'win32'
    ? `Store the key for your user: setx ${KEY_ENV_VAR} "${apiKey}" (then restart the client).`
    : `Add to your shell profile (~/.zshrc or ~/.bashrc): export ${KEY_ENV_VAR}="${apiKey}" (then restart the client from that shell).`;
}

/** The clients MCP Tray writes ready-to-paste configs for. */
export type ClientId =
  'claude-code' | 'cursor' | 'vscode' | 'claude-desktop' | 'codex' | 'responses-api' | 'chatgpt' | 'curl';

export type Platform = 'darwin' | 'win32' | 'linux';

export interface ConnectorInput {
  /** The local MCP endpoint, e.g. http://127.0.0.1:3210/mcp. */
  mcpUrl: string;
  /** The public HTTPS endpoint, when a tunnel is set up (Settings); cloud-hosted clients need it. */
  publicMcpUrl?: string;
  /** The API key the config should carry (or tell the user to set). */
  apiKey: string;
  platform: Platform;
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
}

export const KEY_ENV_VAR = 'MCP_TRAY_KEY';
export const DEFAULT_SERVER_NAME = 'mcp-tray';

/** How to put the key in an environment variable on this OS, for configs that read it from there. */
export function setKeyEnvStep(platform: Platform, apiKey: string): string {
  return platform === 'win32'
    ? `Store the key for your user: setx ${KEY_ENV_VAR} "${apiKey}" (then restart the client).`
    : `Add to your shell profile (~/.zshrc or ~/.bashrc): export ${KEY_ENV_VAR}="${apiKey}" (then restart the client from that shell).`;
}

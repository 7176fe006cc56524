import type { ConnectClientId, ConnectScope, KeyWay } from '../../../src-shared/connect-view.ts';
import type { JsonValue } from './json-compare.ts';

/** How a client reaches MCP Tray: the URL, the bridge command, and the key (its value only for `in-file`). */
export interface Reach {
  url: string;
  bridge: { command: string; args: string[] };
  /** The key's value, written into the file only for `in-file`. */
  key?: string;
  platform: NodeJS.Platform;
}

export interface ClientSpec {
  id: ConnectClientId;
  title: string;
  format: 'json' | 'jsonc' | 'toml';
  scopes: ConnectScope[];
  /** The ways it can take a key, the default first. */
  ways: KeyWay[];
  /** Where its servers are, in the file (the entry's name goes after). */
  container: string[];
  entry(way: KeyWay, reach: Reach): JsonValue;
  /** Programs on PATH that say it is installed. */
  programs: string[];
  checkCommand?: string;
  note: string;
}

const HEADER = 'X-API-Key';
/** The VS Code input that holds the key (VS Code keeps its value in its secret storage). */
export const VSCODE_INPUT_ID = 'mcp-tray-key';

const headers = (way: KeyWay, reach: Reach): Record<string, string> => {
  if (way === 'prompt') return { [HEADER]: `\${input:${VSCODE_INPUT_ID}}` };
  if (reach.key === undefined) throw new Error('an in-file entry needs the key');
  return { [HEADER]: reach.key };
};

/** The `mcpServers` shape most clients share: `{command, args}` for a bridge, a URL field for HTTP. */
function mcpServers(urlField: string, extra: Record<string, JsonValue> = {}) {
  return (way: KeyWay, reach: Reach): JsonValue =>
    way === 'bridge'
      ? { ...extra, command: reach.bridge.command, args: reach.bridge.args }
      : {
          ...(extra['type'] !== undefined && { type: 'http' }),
          [urlField]: reach.url,
          headers: headers(way, reach),
        };
}

/**
 * Codex (and the ChatGPT desktop app, which reads Codex's file) starts stdio servers with a stripped
 * environment: on Linux the bridge reaches the Secret Service only if the session bus address is passed on.
 * It reads `http_headers` (a `headers` key is ignored).
 */
function codexEntry(way: KeyWay, reach: Reach): JsonValue {
  if (way !== 'bridge') return { url: reach.url, http_headers: headers(way, reach) };
  return {
    command: reach.bridge.command,
    args: reach.bridge.args,
    // The session bus for the Secret Service; the display and runtime folder for the desktop app's own
    // executable, which Electron cannot start without on Linux.
    ...(reach.platform === 'linux' && { env_vars: [...LINUX_SESSION] }),
  };
}

/** What a stdio server needs of a Linux desktop session: the bus (keychain), the display, the runtime folder. */
export const LINUX_SESSION = ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR'];

const RESTART = (app: string) => `Quit ${app} and open it again: it reads the file when it starts.`;

export const CLIENT_SPECS: readonly ClientSpec[] = [
  {
    id: 'chatgpt-desktop',
    title: 'ChatGPT desktop',
    format: 'toml',
    scopes: ['user'],
    ways: ['bridge', 'in-file'],
    container: ['mcp_servers'],
    entry: codexEntry,
    programs: [],
    checkCommand: 'codex mcp list',
    note: `${RESTART('the ChatGPT app')} It shares this file with Codex, so Codex gets MCP Tray too.`,
  },
  {
    id: 'codex',
    title: 'Codex',
    format: 'toml',
    scopes: ['user'],
    ways: ['bridge', 'in-file'],
    container: ['mcp_servers'],
    entry: codexEntry,
    programs: ['codex'],
    checkCommand: 'codex mcp list',
    note: 'New Codex sessions have it. The ChatGPT desktop app reads the same file.',
  },
  {
    id: 'claude-desktop',
    title: 'Claude Desktop',
    format: 'json',
    scopes: ['user'],
    // Its config file takes programs only, no URLs.
    ways: ['bridge'],
    container: ['mcpServers'],
    entry: mcpServers('url'),
    programs: [],
    note: `${RESTART('Claude Desktop (from its menu, not only the window)')}`,
  },
  {
    id: 'claude-code',
    title: 'Claude Code',
    format: 'json',
    scopes: ['user', 'project'],
    ways: ['bridge', 'in-file'],
    container: ['mcpServers'],
    entry: mcpServers('url', { type: 'stdio' }),
    programs: ['claude'],
    checkCommand: 'claude mcp get mcp-tray',
    note: 'New Claude Code sessions have it (in a running one, type /mcp). Claude Code rewrites ~/.claude.json itself, so Undo removes only MCP Tray’s entry there.',
  },
  {
    id: 'cursor',
    title: 'Cursor',
    format: 'json',
    scopes: ['user', 'project'],
    ways: ['bridge', 'in-file'],
    container: ['mcpServers'],
    entry: mcpServers('url'),
    programs: ['cursor'],
    note: 'Cursor picks the change up by itself; Settings > MCP lists mcp-tray.',
  },
  {
    id: 'vscode',
    title: 'VS Code',
    format: 'jsonc',
    scopes: ['user', 'project'],
    ways: ['prompt', 'bridge', 'in-file'],
    container: ['servers'],
    entry: (way, reach): JsonValue =>
      way === 'bridge'
        ? { type: 'stdio', command: reach.bridge.command, args: reach.bridge.args }
        : { type: 'http', url: reach.url, headers: headers(way, reach) },
    programs: ['code'],
    note: 'VS Code asks for the key the first time it starts mcp-tray and keeps it in its secret storage: paste the key MCP Tray shows.',
  },
  {
    id: 'windsurf',
    title: 'Windsurf',
    format: 'json',
    scopes: ['user'],
    ways: ['bridge', 'in-file'],
    container: ['mcpServers'],
    entry: mcpServers('serverUrl'),
    programs: ['windsurf'],
    note: 'In Windsurf, refresh the MCP servers (Cascade > MCP) or restart it.',
  },
  {
    id: 'gemini',
    title: 'Gemini CLI',
    format: 'jsonc',
    scopes: ['user', 'project'],
    ways: ['bridge', 'in-file'],
    container: ['mcpServers'],
    entry: mcpServers('httpUrl'),
    programs: ['gemini'],
    checkCommand: 'gemini mcp list',
    note: 'New Gemini CLI sessions have it, in folders Gemini CLI trusts: in a folder it does not trust it turns every MCP server off (its own warning says so). Trust the folder when Gemini asks, or with /permissions.',
  },
  {
    id: 'opencode',
    title: 'opencode',
    format: 'jsonc',
    scopes: ['user', 'project'],
    ways: ['bridge', 'in-file'],
    container: ['mcp'],
    entry: (way, reach): JsonValue =>
      way === 'bridge'
        ? { type: 'local', command: [reach.bridge.command, ...reach.bridge.args], enabled: true }
        : { type: 'remote', url: reach.url, headers: headers(way, reach), enabled: true },
    programs: ['opencode'],
    checkCommand: 'opencode mcp list',
    note: 'New opencode sessions have it.',
  },
  {
    id: 'zed',
    title: 'Zed',
    format: 'jsonc',
    scopes: ['user', 'project'],
    ways: ['bridge', 'in-file'],
    container: ['context_servers'],
    entry: mcpServers('url'),
    programs: ['zed', 'zeditor'],
    note: 'Zed picks the change up by itself; the Agent Panel’s settings list mcp-tray.',
  },
  {
    id: 'lm-studio',
    title: 'LM Studio',
    format: 'json',
    scopes: ['user'],
    ways: ['bridge', 'in-file'],
    container: ['mcpServers'],
    entry: mcpServers('url'),
    programs: ['lms'],
    note: 'LM Studio picks the change up by itself (Program > Integrations lists mcp-tray).',
  },
];

export function clientSpec(id: ConnectClientId): ClientSpec {
  return CLIENT_SPECS.find((spec) => spec.id === id)!;
}

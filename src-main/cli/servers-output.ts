import { InputError } from '../core/app-error.ts';
import type { GatewayState } from '../core/gateway/gateway-state-file.ts';
import type { ServerEntry } from '../core/gateway/server-entry.ts';
import type { UpstreamView } from '../../src-shared/gateway-view.ts';
import { table } from './keys-output.ts';

export const SERVERS_HELP = `Usage: mcp-tray servers <command> [options]

Your own MCP servers, behind MCP Tray's keys: every client reaches them through MCP Tray's URL.

Commands:
  add NAME [--env K=V]... [--secret-env K=V]... [--cwd DIR] [--prefix P | --no-prefix] -- COMMAND [ARG]...
                      a server MCP Tray starts (stdio)
  add NAME --url URL [--header "Name: value"]... [--secret-header "Name: value"]... [--prefix P | --no-prefix]
                      a Streamable HTTP server elsewhere
  list [--json]       each server: state, process, tools, resources, prompts, restarts, last error
  enable NAME | disable NAME | remove NAME
  logs NAME [--lines N]
                      what the server wrote to stderr (the last 50 lines)
  approve NAME        offer the tools held back since they changed or appeared
  import --from claude-desktop|claude-code|cursor|vscode|codex [--file PATH] [--dry-run]
                      add the servers of a client's config (read from its usual place, never changed)

"add" starts the server once to see that it works and what it offers: a command that does not exist, or a
tool name another server (or a built-in) has, is refused then, and the tools it offers are approved as they
are (--no-check skips that; they are approved at its first start instead).

Tools are offered as <prefix>__<tool>; the prefix is the server's name unless given. Secret values
(--secret-env, --secret-header, and any --env or --header whose name holds KEY, TOKEN, SECRET, PASSWORD or
AUTH) are kept in the secret store, never in servers.json. Every command takes (before the --):
  --data-dir PATH              where servers.json lives (env MCP_TRAY_DATA_DIR)
  --secret-store keychain|file where secret values live (default: the OS keychain)
`;

/** `K=V` (or `Name: value`) items of a repeated flag, as a record; refuses an item without the separator. */
export function pairs(
  items: readonly string[] | undefined,
  separator: '=' | ':',
  form: string,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const item of items ?? []) {
    const at = item.indexOf(separator);
    if (at <= 0) throw new InputError('usage', `"${item}" is not of the form ${form}.`);
    result[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return result;
}

/** Each server of servers.json with what the running MCP Tray says of it (stopped when none runs). */
export function serverViews(
  entries: readonly ServerEntry[],
  state: GatewayState | undefined,
): UpstreamView[] {
  return entries.map((entry) => {
    const live = state?.servers.find((s) => s.name === entry.name);
    if (live !== undefined && live.enabled === entry.enabled) return live;
    return {
      name: entry.name,
      kind: entry.kind,
      enabled: entry.enabled,
      prefix: entry.prefix,
      state: entry.enabled ? 'stopped' : 'disabled',
      pid: null,
      tools: 0,
      resources: 0,
      prompts: 0,
      restarts: 0,
      lastError: null,
      heldBack: [],
    };
  });
}

export function describeServers(views: readonly UpstreamView[]): string {
  if (views.length === 0)
    return 'No servers yet. Add one: mcp-tray servers add everything -- npx -y @modelcontextprotocol/server-everything\n';
  const rows = [
    ['NAME', 'KIND', 'STATE', 'PID', 'TOOLS', 'RESOURCES', 'PROMPTS', 'RESTARTS', 'LAST ERROR'],
    ...views.map((v) => [
      v.name,
      v.kind,
      v.state,
      v.pid === null ? '-' : String(v.pid),
      String(v.tools),
      String(v.resources),
      String(v.prompts),
      String(v.restarts),
      v.lastError ?? '-',
    ]),
  ];
  const held = views.flatMap((v) =>
    v.heldBack.map((h) => {
      const why =
        h.reason === 'collision'
          ? `clashes with ${h.clashesWith ?? 'another tool'}`
          : h.reason === 'new'
            ? 'new since approval'
            : `changed: ${(h.changes ?? []).map((c) => `${c.field} was "${c.approved}", now "${c.offered}"`).join('; ')}`;
      return `  ${v.name}: ${h.tool} held back (${why})${h.reason === 'collision' ? '' : `; run "mcp-tray servers approve ${v.name}" to offer it`}`;
    }),
  );
  const stopped = views.some((v) => v.state === 'stopped')
    ? '\nA stopped server starts when a client first connects to a running MCP Tray (its approved tools are offered meanwhile).\n'
    : '';
  return `${table(rows)}\n${held.length > 0 ? `\nHeld back:\n${held.join('\n')}\n` : ''}${stopped}`;
}

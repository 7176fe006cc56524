import { clientSpec } from '../core/connect/client-catalog.ts';
import { connectionsFile } from '../core/connect/connections-file.ts';
import type { KeyView } from '../core/keys/key-view.ts';
import { formatRate } from '../core/keys/quantity-parsers.ts';

export const KEYS_HELP = `Usage: mcp-tray keys <command> [options]

Commands:
  create --name NAME [--permissions p1,p2] [--expires-in 30d] [--rate-limit 120/min] [--json]
                      make a key; prints its secret (once: copy it now, or use "reveal" later)
  list [--json]       every key, never a secret
  reveal ID           print a key's secret (what "Copy connector key" copies)
  rotate ID [--grace 10m] [--json]
                      a new secret for the same key; the old one works for the grace period (default: not at all)
  update ID [--name NAME] [--permissions p1,p2] [--expires-in 30d | --no-expiry] [--rate-limit 120/min | --rate-limit default]
  revoke ID           stop a key from working (it stays listed as revoked)
  delete ID           remove a key and its secret

ID is a key's id (key_...) or its name. Every command takes:
  --data-dir PATH              where keys.json lives (env MCP_TRAY_DATA_DIR)
  --secret-store keychain|file where secrets live (default: the OS keychain)
Durations: 90s, 10m, 12h, 30d. Rates: 120/min, 5/s, 1000/h.
Permissions: *, status:read, tools:list, tools:call, tools:call:<tool> (a trailing * matches a prefix,
  as in tools:call:github__* for one server's tools), resources:list, resources:read, prompts:list,
  prompts:get, prompts:get:<prompt>.
`;

/** Text columns, padded to the widest cell. */
export function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const day = (iso: string | null) => (iso === null ? '-' : iso.slice(0, 16).replace('T', ' '));

export function describeKey(key: KeyView): string[] {
  return [
    key.id,
    key.name,
    key.prefix,
    key.permissions.join(','),
    key.status,
    day(key.createdAt),
    day(key.lastUsedAt),
    String(key.requestCount),
    day(key.expiresAt),
    key.rateLimit ? formatRate(key.rateLimit) : 'default',
  ];
}

/** The client configs MCP Tray wrote with `keyId`, each with the command that takes MCP Tray out of it. */
export async function keyUses(dataDir: string, keyId: string): Promise<string[]> {
  const { connections } = await connectionsFile(dataDir, Date.now, () => {}).read();
  return connections
    .filter((connection) => connection.keyId === keyId)
    .map(
      (c) =>
        `${clientSpec(c.client).title} still names it in ${c.file}; take MCP Tray out of it with: mcp-tray disconnect ${c.client}${c.scope === 'project' ? ' --scope project (in that project’s folder)' : ''}`,
    );
}

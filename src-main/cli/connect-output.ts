import {
  CONNECT_CLIENTS,
  type ConnectClientView,
  type ConnectOutcome,
} from '../../src-shared/connect-view.ts';
import { table } from './keys-output.ts';

export const CONNECT_HELP = `Usage: mcp-tray connect CLIENT [options]
       mcp-tray disconnect CLIENT [--scope user|project] [--dry-run]
       mcp-tray clients [--json]

connect writes MCP Tray into CLIENT's own config file: it shows the change as a diff, keeps the file as it
was in the data folder, and checks the connection the way the client will make it. By default the client
runs "mcp-tray bridge", which reads the client's own key from the keychain: no secret goes in the file
(VS Code asks for the key once and keeps it in its secret storage). Running it twice changes nothing.
disconnect undoes it: the file as it was comes back if nothing else changed it since, else only MCP Tray's
entry is removed; a key MCP Tray made for the client is revoked.

Clients: ${CONNECT_CLIENTS.join(', ')}

Options:
  --key NAME            use this key (its name or id) instead of a key of the client's own
  --scope user|project  the user's config (default) or the project's (in --project DIR, default here)
  --way bridge|prompt|in-file
                        how the client gets the key; --key-in-file is --way in-file (the key in plain text)
  --dry-run             show what would change; change nothing, make no key
  --no-check            do not reach MCP Tray after writing
  --json                the outcome as JSON
  --port N, --data-dir PATH, --secret-store keychain|file   as for the other commands
`;

const WAYS = {
  bridge: 'bridge (key from the keychain)',
  prompt: 'asks for the key',
  'in-file': 'key in the file',
  other: 'by hand',
};

/** What \`mcp-tray clients\` prints: one line per client, then where cloud clients are set up. */
export function describeClients(clients: ConnectClientView[]): string {
  const rows = [['CLIENT', 'INSTALLED', 'CONNECTED', 'FILE']];
  for (const client of clients) {
    const connected =
      client.connected
        ?.map((c) => `${c.scope}: ${WAYS[c.way]}${c.keyName !== undefined ? `, key "${c.keyName}"` : ''}`)
        .join('; ') ?? '-';
    rows.push([client.id, client.installed ? 'yes' : '-', connected, client.userFile]);
  }
  return `${table(rows)}\n\nConnect one with: mcp-tray connect CLIENT (add --dry-run to see the change first).\nCloud clients (ChatGPT and Claude connectors, the OpenAI Responses API) need a public URL: see Connect in the dashboard.\n`;
}

/** What connect and disconnect print: the diff, what was written or kept, the check, and what comes next. */
export function describeOutcome(command: string, outcome: ConnectOutcome & { revoked?: string }): string {
  const lines = [`${outcome.title} (${outcome.scope}): ${outcome.file}`];
  if (outcome.diff !== '') lines.push('', outcome.diff.trimEnd(), '');
  if (outcome.dryRun)
    lines.push(
      outcome.changed ? 'Dry run: nothing was changed, no key was made.' : 'Dry run: nothing would change.',
    );
  else if (outcome.changed) {
    lines.push(command === 'connect' ? `Wrote ${outcome.file}.` : `Removed MCP Tray from ${outcome.file}.`);
    if (outcome.backup !== undefined) lines.push(`The file as it was is kept in ${outcome.backup}.`);
    else if (command === 'connect') lines.push('The file did not exist before.');
    if (command === 'connect')
      lines.push(
        `Undo: mcp-tray disconnect ${outcome.client}${outcome.scope === 'project' ? ' --scope project' : ''}`,
      );
  }
  if (outcome.key !== undefined && !outcome.dryRun)
    lines.push(
      outcome.key.created
        ? `Made the key "${outcome.key.name}" (${outcome.key.id}) for it: it may list and call tools, nothing else.`
        : `It uses the key "${outcome.key.name}" (${outcome.key.id}).`,
    );
  if (outcome.revoked !== undefined)
    lines.push(`Revoked the key ${outcome.revoked} that MCP Tray had made for it.`);
  if (outcome.check !== undefined) lines.push(outcome.check.message);
  lines.push(...outcome.next);
  return `${lines.join('\n')}\n`;
}

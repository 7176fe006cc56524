import type { ActivityRow } from '../../../src-shared/dashboard-contract.ts';

/** Who made a request, in words, also when no key was accepted: a paused server never looked at the key. */
export function callerLabel(row: ActivityRow): string {
  if (row.keyName !== null)
    return row.oauthClient === undefined ? row.keyName : `${row.oauthClient} (approved with ${row.keyName})`;
  switch (row.outcome) {
    case 'serving_paused':
      return 'not checked (serving paused)';
    case 'too_many_failed_attempts':
      return 'not checked (locked out after wrong keys)';
    case 'key_expired':
      return 'an expired key';
    case 'invalid_api_key':
      return 'no key, or a wrong one';
    case 'invalid_token':
      return 'an access token that no longer works';
    default:
      return 'no key';
  }
}

/** The MCP method (and tool) when the body said one, else the HTTP method and path. */
export function requestLabel(row: ActivityRow): string {
  if (row.mcpMethod === null) return `${row.method} ${row.path}`;
  if (row.tool === null) return row.mcpMethod;
  const upstream =
    row.server === undefined ? '' : ` (${row.upstreamTool ?? row.tool} on server ${row.server})`;
  return `${row.mcpMethod} ${row.tool}${upstream}`;
}

const COLUMNS = [
  'time',
  'keyId',
  'keyName',
  'method',
  'path',
  'mcpMethod',
  'tool',
  'status',
  'outcome',
  'durationMs',
  'userAgent',
  'remoteAddress',
  'server',
  'upstreamTool',
  'connectionTest',
  'viaPublicUrl',
  'oauthClient',
] as const;

/** A spreadsheet cell: quoted when it must be, and never read as a formula (=, +, -, @ at the start). */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows as CSV, with a header line (RFC 4180, CRLF line ends). */
export function activityCsv(rows: readonly ActivityRow[]): string {
  const lines = [
    COLUMNS.join(','),
    ...rows.map((row) => COLUMNS.map((column) => cell(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

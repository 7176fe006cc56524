import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { isPlainObject } from '../../../src-shared/plain-object.ts';
import { InputError } from '../app-error.ts';
import { clientFile } from '../connect/client-files.ts';
import { looksSecret } from './server-entry.ts';
import type { NewServer } from './servers-admin.ts';

export const IMPORT_SOURCES = ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'codex'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** One server found in a client's config, ready to add (secret-looking values already set apart). */
export interface ImportCandidate {
  /** Its name in the client's config. */
  original: string;
  server: NewServer;
}

export interface ImportFound {
  candidates: ImportCandidate[];
  /** Entries that cannot be imported, each with why. */
  skipped: string[];
}

/** Where each client keeps its user-scope config, on this OS. */
export function clientConfigPaths(
  source: ImportSource,
  platform: NodeJS.Platform,
  home: string,
  env: NodeJS.ProcessEnv,
): string[] {
  return [clientFile(source, 'user', { platform, home, env, projectDir: home })!];
}

/** A client's server name as one of ours: lower case, a-z 0-9 and `-`, at most 32 characters. */
export function importedName(original: string): string {
  const name = original
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return name === '' ? 'server' : name;
}

type Raw = Record<string, unknown>;
const strings = (value: unknown): Record<string, string> =>
  isPlainObject(value)
    ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {};

/** `${env:NAME}` and `${NAME}` from the importing environment; undefined when a reference stays unresolved. */
function resolved(value: string, env: NodeJS.ProcessEnv): string | undefined {
  let missing = false;
  const out = value.replace(/\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined) missing = true;
    return found ?? '';
  });
  return missing || /\$\{input:/.test(out) ? undefined : out;
}

/** Splits values into plain and secret, resolving references; names what could not be resolved. */
function sorted(values: Record<string, string>, env: NodeJS.ProcessEnv) {
  const plain: Record<string, string> = {};
  const secret: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const [name, raw] of Object.entries(values)) {
    const value = resolved(raw, env);
    if (value === undefined) unresolved.push(name);
    else if (looksSecret(name)) secret[name] = value;
    else plain[name] = value;
  }
  return { plain, secret, unresolved };
}

/** One entry of a client's config as a server, or why it cannot be one. */
function candidate(original: string, raw: unknown, env: NodeJS.ProcessEnv): ImportCandidate | string {
  if (!isPlainObject(raw)) return `${original}: not a server entry`;
  const name = importedName(original);
  if (raw['disabled'] === true || raw['enabled'] === false) return `${original}: disabled in the client`;
  if (typeof raw['url'] === 'string') {
    const headers: Record<string, string> = strings(raw['headers'] ?? raw['http_headers']);
    for (const [header, variable] of Object.entries(strings(raw['env_http_headers'])))
      headers[header] = `\${${variable}}`;
    if (typeof raw['bearer_token_env_var'] === 'string')
      headers['Authorization'] = `Bearer \${${raw['bearer_token_env_var']}}`;
    const { plain, secret, unresolved } = sorted(headers, env);
    if (unresolved.length > 0)
      return `${original}: the header ${unresolved.join(', ')} refers to a value MCP Tray cannot read here`;
    if (raw['type'] === 'sse') return `${original}: an SSE server (MCP Tray reaches Streamable HTTP servers)`;
    return { original, server: { name, url: raw['url'], headers: plain, secretHeaders: secret } };
  }
  if (typeof raw['command'] !== 'string' || raw['command'].trim() === '')
    return `${original}: has neither a command nor a url`;
  const args = Array.isArray(raw['args'])
    ? raw['args'].filter((a): a is string => typeof a === 'string')
    : [];
  const { plain, secret, unresolved } = sorted(strings(raw['env']), env);
  if (unresolved.length > 0)
    return `${original}: the variable ${unresolved.join(', ')} refers to a value MCP Tray cannot read here`;
  const cwd = typeof raw['cwd'] === 'string' ? { cwd: raw['cwd'] } : {};
  return { original, server: { name, command: raw['command'], args, ...cwd, env: plain, secretEnv: secret } };
}

function parseJsonText(text: string, path: string): Raw {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first !== undefined) {
    const line = text.slice(0, first.offset).split('\n').length;
    throw new InputError(
      'import_failed',
      `${path} cannot be read: ${printParseErrorCode(first.error)} on line ${line}.`,
    );
  }
  return isPlainObject(value) ? value : {};
}

/**
 * The servers of a client's config text. Claude Desktop, Cursor and Claude Code keep them under
 * `mcpServers` (Claude Code also per project, of which `cwd`'s is read); VS Code under `servers` (JSONC);
 * Codex under `[mcp_servers.NAME]` (TOML).
 */
export function parseClientConfig(
  source: ImportSource,
  text: string,
  path: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): ImportFound {
  let entries: Raw;
  if (source === 'codex') {
    let parsed: Raw;
    try {
      parsed = parseToml(text) as Raw;
    } catch (error) {
      throw new InputError(
        'import_failed',
        `${path} cannot be read: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    entries = isPlainObject(parsed['mcp_servers']) ? parsed['mcp_servers'] : {};
  } else {
    const parsed = parseJsonText(text, path);
    const key = source === 'vscode' ? 'servers' : 'mcpServers';
    entries = isPlainObject(parsed[key]) ? { ...parsed[key] } : {};
    const projects = parsed['projects'];
    if (source === 'claude-code' && isPlainObject(projects) && isPlainObject(projects[cwd])) {
      const own = (projects[cwd] as Raw)['mcpServers'];
      if (isPlainObject(own)) Object.assign(entries, own);
    }
  }
  const found: ImportFound = { candidates: [], skipped: [] };
  for (const [original, raw] of Object.entries(entries)) {
    const result = candidate(original, raw, env);
    if (typeof result === 'string') found.skipped.push(result);
    else found.candidates.push(result);
  }
  return found;
}

import { parse, TomlError } from 'smol-toml';
import { ConfigFileError } from './config-file-error.ts';
import { sameExcept, type JsonValue } from './json-compare.ts';

// Edits of TOML configs (Codex's `config.toml`) made on the text: MCP Tray's table (`[mcp_servers.NAME]`
// and its sub-tables) is replaced, added at the end or removed; every other line stays as it was, comments
// and order included. Checked after each edit by parsing both versions.

/** The values MCP Tray writes in a table: strings, string lists, and tables of strings (headers, env). */
export type TomlTable = Record<string, string | number | boolean | string[] | Record<string, string>>;

/** What a TOML file holds, or an error saying where it cannot be read. */
export function readToml(text: string, file: string): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(parse(text))) as Record<string, unknown>;
  } catch (error) {
    const at = error instanceof TomlError ? ` at line ${error.line}, column ${error.column}` : '';
    throw new ConfigFileError(
      `${file} cannot be read as TOML${at}; fix it or move it aside, then try again. Nothing was changed.`,
    );
  }
}

const key = (name: string) => (/^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name));

function value(item: TomlTable[string]): string {
  if (Array.isArray(item)) return `[${item.map((entry) => JSON.stringify(entry)).join(', ')}]`;
  if (typeof item === 'object')
    return `{ ${Object.entries(item)
      .map(([name, entry]) => `${key(name)} = ${JSON.stringify(entry)}`)
      .join(', ')} }`;
  return typeof item === 'string' ? JSON.stringify(item) : String(item);
}

function render(path: string[], table: TomlTable): string {
  const lines = Object.entries(table).map(([name, item]) => `${key(name)} = ${value(item)}`);
  return `[${path.map(key).join('.')}]\n${lines.join('\n')}\n`;
}

/** The parts of a dotted TOML key (`a."b.c".d` is a, b.c, d). */
function dottedKey(text: string): string[] {
  const parts: string[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/y;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < text.length && (match = pattern.exec(text)) !== null) {
    parts.push(match[1] !== undefined ? (JSON.parse(`"${match[1]}"`) as string) : (match[2] ?? match[3]!));
    if (match[4] === '') break;
  }
  return parts;
}

interface Header {
  /** Index of its line. */
  line: number;
  path: string[];
}

/** The table headers of `lines`, skipping lines inside multi-line strings. */
function headers(lines: string[]): Header[] {
  const found: Header[] = [];
  let open: string | undefined;
  lines.forEach((line, index) => {
    if (open === undefined) {
      const header = /^\s*\[\[?([^\]]+)\]\]?\s*(#.*)?$/.exec(line);
      if (header !== null) found.push({ line: index, path: dottedKey(header[1]!) });
    }
    for (const quote of line.match(/"""|'''/g) ?? []) {
      if (open === undefined) open = quote;
      else if (open === quote) open = undefined;
    }
  });
  return found;
}

const startsWith = (path: string[], prefix: string[]) => prefix.every((part, i) => path[i] === part);

/**
 * The lines of the table at `path` and its sub-tables: from its header to its last line that is not blank
 * or a comment (those before the next header belong to what follows). Undefined when it has no header.
 */
function tableLines(lines: string[], path: string[]): { start: number; end: number } | undefined {
  const all = headers(lines);
  const own = all.filter((header) => startsWith(header.path, path));
  if (own.length === 0) return undefined;
  const start = own[0]!.line;
  const after = all.find((header) => header.line > start && !startsWith(header.path, path));
  if (own.some((header) => after !== undefined && header.line > after.line))
    throw new ConfigFileError(
      `MCP Tray's table [${path.join('.')}] is split across the file; put its parts together (or remove them), then try again. Nothing was changed.`,
      'config_edit_refused',
    );
  let end = (after?.line ?? lines.length) - 1;
  while (end > start && /^\s*(#.*)?$/.test(lines[end]!)) end -= 1;
  return { start, end };
}

function checked(before: string, after: string, file: string, path: string[], table?: TomlTable): string {
  let written: Record<string, unknown>;
  try {
    written = readToml(after, file);
  } catch {
    // Our table clashes with how the file already defines it (an inline table, dotted keys).
    throw new ConfigFileError(
      `${file} defines [${path.join('.')}] in a form MCP Tray does not edit (an inline table or dotted keys); remove that entry by hand, then try again. Nothing was changed.`,
      'config_edit_refused',
    );
  }
  sameExcept(readToml(before, file), written, path, table as JsonValue | undefined, file);
  return after;
}

/** `text` with the table at `path` (e.g. `mcp_servers`, `mcp-tray`) holding exactly `table`. */
export function setTomlTable(text: string, file: string, path: string[], table: TomlTable): string {
  readToml(text, file);
  const lines = text.split('\n');
  const block = render(path, table);
  const at = tableLines(lines, path);
  if (at === undefined) {
    const body = text.replace(/\n*$/, '');
    return checked(text, `${body}${body === '' ? '' : '\n\n'}${block}`, file, path, table);
  }
  const current = lines.slice(at.start, at.end + 1).join('\n');
  if (current === block.trimEnd()) return text;
  const result = [...lines.slice(0, at.start), block.trimEnd(), ...lines.slice(at.end + 1)].join('\n');
  return checked(text, result, file, path, table);
}

/** `text` without the table at `path` and its sub-tables (and the blank line that set it apart). */
export function removeTomlTable(text: string, file: string, path: string[]): string {
  readToml(text, file);
  const lines = text.split('\n');
  const at = tableLines(lines, path);
  if (at === undefined) return text;
  let start = at.start;
  let end = at.end;
  if (start > 0 && lines[start - 1]!.trim() === '') start -= 1;
  else if (end + 1 < lines.length && lines[end + 1]!.trim() === '') end += 1;
  const result = [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n');
  return checked(text, result, file, path);
}

import type { KeyWay } from '../../../src-shared/connect-view.ts';
import { VSCODE_INPUT_ID, type ClientSpec } from './client-catalog.ts';
import type { JsonValue } from './json-compare.ts';
import { removeJsoncArrayItem, setJsoncArrayItem } from './jsonc-array-edit.ts';
import { readJsonc, removeJsonc, setJsonc } from './jsonc-edit.ts';
import { readToml, removeTomlTable, setTomlTable, type TomlTable } from './toml-edit.ts';

/** The name MCP Tray's entry has in every client's config. */
export const ENTRY_NAME = 'mcp-tray';

/** VS Code's prompt for the key: asked once, kept in VS Code's secret storage. */
const VSCODE_INPUT = {
  type: 'promptString',
  id: VSCODE_INPUT_ID,
  description: 'MCP Tray API key (from MCP Tray > Connect)',
  password: true,
} as const;

const entryPath = (spec: ClientSpec) => [...spec.container, ENTRY_NAME];

/** `text` with MCP Tray's entry set to `entry` (and, for VS Code, its key prompt there or gone). */
export function withEntry(
  spec: ClientSpec,
  text: string,
  file: string,
  entry: JsonValue,
  way: KeyWay,
): string {
  if (spec.format === 'toml') return setTomlTable(text, file, entryPath(spec), entry as TomlTable);
  const out = setJsonc(text, file, entryPath(spec), entry);
  if (spec.id !== 'vscode') return out;
  return way === 'prompt'
    ? setJsoncArrayItem(out, file, ['inputs'], { ...VSCODE_INPUT })
    : removeJsoncArrayItem(out, file, ['inputs'], VSCODE_INPUT_ID);
}

/** `text` without MCP Tray's entry (nor VS Code's key prompt); unchanged when it holds none. */
export function withoutEntry(spec: ClientSpec, text: string, file: string): string {
  if (spec.format === 'toml') return removeTomlTable(text, file, entryPath(spec));
  const out = removeJsonc(text, file, entryPath(spec));
  return spec.id === 'vscode' ? removeJsoncArrayItem(out, file, ['inputs'], VSCODE_INPUT_ID) : out;
}

/** MCP Tray's entry in `text`, or undefined. Throws a ConfigFileError when the file cannot be read. */
export function readEntry(spec: ClientSpec, text: string, file: string): unknown {
  let value: unknown = spec.format === 'toml' ? readToml(text, file) : readJsonc(text, file);
  for (const key of entryPath(spec))
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** How an entry gets its key, as far as its text tells: the bridge (with the key it names), a prompt, or the key inline. */
export function entryWay(entry: unknown): { way: KeyWay | 'other'; keyId?: string } {
  if (typeof entry !== 'object' || entry === null) return { way: 'other' };
  const record = entry as Record<string, unknown>;
  const command = Array.isArray(record['command'])
    ? record['command']
    : [record['command'], ...((record['args'] as unknown[]) ?? [])];
  const args = command.filter((part): part is string => typeof part === 'string');
  const bridge = args.indexOf('bridge');
  if (bridge !== -1 || args.includes('--bridge')) {
    const key = args.indexOf('--key');
    return key === -1 || args[key + 1] === undefined
      ? { way: 'bridge' }
      : { way: 'bridge', keyId: args[key + 1]! };
  }
  const headers = (record['headers'] ?? record['http_headers']) as Record<string, unknown> | undefined;
  const sent = typeof headers === 'object' && headers !== null ? Object.values(headers) : [];
  if (sent.some((value) => typeof value === 'string' && value.startsWith('${input:')))
    return { way: 'prompt' };
  if (sent.length > 0) return { way: 'in-file' };
  return { way: 'other' };
}

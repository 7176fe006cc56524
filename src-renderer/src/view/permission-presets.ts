import { permissionProblem } from '../../../src-shared/permissions.ts';

/** The choices the key dialog offers, and the permissions each one grants. */
export type PresetId = 'full' | 'read-only' | 'tools' | 'servers' | 'custom';

export const PRESETS: { id: PresetId; label: string; help: string }[] = [
  { id: 'full', label: 'Full access', help: 'Every tool, and the server status.' },
  { id: 'read-only', label: 'Read-only', help: 'List tools and read the status; call nothing.' },
  { id: 'tools', label: 'Specific tools', help: 'List tools, and call only the ones you tick.' },
  {
    id: 'servers',
    label: 'These servers only',
    help: 'The tools and prompts of the servers you tick (behind MCP Tray); nothing else.',
  },
  { id: 'custom', label: 'Custom', help: 'Exactly the permissions you list, one per line.' },
];

const READ_ONLY = ['tools:list', 'status:read'];

export function presetPermissions(preset: PresetId, tools: readonly string[], custom = ''): string[] {
  if (preset === 'full') return ['*'];
  if (preset === 'read-only') return [...READ_ONLY];
  if (preset === 'custom') return customPermissions(custom);
  if (preset === 'servers') return serverPermissions(tools);
  return ['tools:list', ...tools.map((tool) => `tools:call:${tool}`)];
}

/** A key for some of the user's servers: their tools and prompts, by the prefix each server's names get. */
function serverPermissions(prefixes: readonly string[]): string[] {
  return [
    'tools:list',
    'prompts:list',
    ...prefixes.flatMap((prefix) => [`tools:call:${prefix}__*`, `prompts:get:${prefix}__*`]),
  ];
}

/** Whether two grants are the same set of permissions, in any order. */
export function sameGrants(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((p) => right.has(p));
}

/**
 * The preset a key's permissions are exactly, for the edit dialog; anything else (made with the CLI, such as
 * `tools:call` or `tools:call:fs_*`) is Custom with its list, so saving never swaps it for a preset.
 */
export function presetOf(all: readonly string[]): {
  preset: PresetId;
  tools: string[];
  folders: string[] | null;
} {
  const folderGrants = all.filter((p) => p.startsWith('folders:'));
  const folders = folderGrants.length === 0 ? null : folderGrants.map((p) => p.slice('folders:'.length));
  const found = presetOfGrants(all.filter((p) => !p.startsWith('folders:')));
  // A key's folder grants with wildcards can only be kept as its own list.
  if (folders?.some((name) => name.endsWith('*'))) return { preset: 'custom', tools: [], folders: null };
  return { ...found, folders };
}

/** The folder grants a key gets beside its preset's: none for all folders, one per folder ticked. */
export function withFolders(permissions: string[], folders: readonly string[] | null | undefined): string[] {
  return folders === null || folders === undefined
    ? permissions
    : [...permissions, ...folders.map((n) => `folders:${n}`)];
}

function presetOfGrants(permissions: readonly string[]): { preset: PresetId; tools: string[] } {
  if (sameGrants(permissions, ['*'])) return { preset: 'full', tools: [] };
  if (sameGrants(permissions, READ_ONLY)) return { preset: 'read-only', tools: [] };
  const calls = permissions.filter((p) => p.startsWith('tools:call:'));
  const tools = calls.map((p) => p.slice('tools:call:'.length));
  const exact = tools.length > 0 && tools.every((tool) => !tool.endsWith('*'));
  if (exact && sameGrants(permissions, ['tools:list', ...calls])) return { preset: 'tools', tools };
  const prefixes = tools.filter((tool) => tool.endsWith('__*')).map((tool) => tool.slice(0, -3));
  if (prefixes.length > 0 && sameGrants(permissions, serverPermissions(prefixes)))
    return { preset: 'servers', tools: prefixes };
  return { preset: 'custom', tools: [] };
}

/** The permissions typed in the Custom box: one per line (commas work too), blanks ignored. */
export function customPermissions(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
}

/** What is wrong with a Custom list, in plain words, or undefined when every line is a permission. */
export function customProblem(text: string): string | undefined {
  const permissions = customPermissions(text);
  if (permissions.length === 0) return 'List at least one permission, such as tools:call.';
  for (const permission of permissions) {
    const problem = permissionProblem(permission);
    if (problem !== undefined) return problem.charAt(0).toUpperCase() + problem.slice(1) + '.';
  }
  return undefined;
}

/** A short description of what a key may do, for the keys table. */
export function describePermissions(permissions: readonly string[]): string {
  if (permissions.includes('*')) return 'Full access';
  const tools = permissions
    .filter((p) => p.startsWith('tools:call:'))
    .map((p) => p.slice('tools:call:'.length));
  const parts: string[] = [];
  if (permissions.includes('tools:call')) parts.push('all tools');
  else if (tools.length > 0) parts.push(tools.join(', '));
  if (permissions.includes('tools:list') && parts.length === 0) parts.push('list tools');
  if (permissions.includes('status:read')) parts.push('status');
  return parts.length === 0 ? permissions.join(', ') : parts.join(' · ');
}

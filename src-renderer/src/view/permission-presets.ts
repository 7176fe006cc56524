/** The choices the create dialog offers, and the permissions each one grants. */
export type PresetId = 'full' | 'read-only' | 'tools';

export const PRESETS: { id: PresetId; label: string; help: string }[] = [
  { id: 'full', label: 'Full access', help: 'Every tool, and the server status.' },
  { id: 'read-only', label: 'Read-only', help: 'List tools and read the status; call nothing.' },
  { id: 'tools', label: 'Specific tools', help: 'List tools, and call only the ones you tick.' },
];

export function presetPermissions(preset: PresetId, tools: readonly string[]): string[] {
  if (preset === 'full') return ['*'];
  if (preset === 'read-only') return ['tools:list', 'status:read'];
  return ['tools:list', ...tools.map((tool) => `tools:call:${tool}`)];
}

/** The preset a key's permissions amount to, for the edit dialog. */
export function presetOf(permissions: readonly string[]): { preset: PresetId; tools: string[] } {
  if (permissions.includes('*')) return { preset: 'full', tools: [] };
  const tools = permissions
    .filter((p) => p.startsWith('tools:call:'))
    .map((p) => p.slice('tools:call:'.length));
  if (tools.length > 0) return { preset: 'tools', tools };
  return { preset: 'read-only', tools: [] };
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

/**
 * The permission grammar granted to API keys.
 *
 *   *                   everything
 *   status:read         GET /mcp/status
 *   tools:list          MCP tools/list (lists only the tools the caller may call)
 *   tools:call          MCP tools/call on any tool
 *   tools:call:<tool>   MCP tools/call on one tool; a trailing `*` matches a prefix (tools:call:fs_*)
 */

/** MCP tool names: 1 to 128 characters of A-Z, a-z, 0-9, `_`, `-` and `.`. */
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
const TOOL_PATTERN = /^[A-Za-z0-9_.-]{0,128}\*?$/;
const FIXED_PERMISSIONS = new Set(['*', 'status:read', 'tools:list', 'tools:call']);

export const PERMISSION_FORMS =
  '"*", "status:read", "tools:list", "tools:call", or "tools:call:<tool>" (a trailing * matches a prefix, as in "tools:call:fs_*")';

export function isToolName(name: string): boolean {
  return TOOL_NAME.test(name);
}

/** Why `permission` is not part of the grammar, or undefined when it is. */
export function permissionProblem(permission: unknown): string | undefined {
  if (typeof permission !== 'string') return `must be a string, not ${describe(permission)}`;
  if (FIXED_PERMISSIONS.has(permission)) return undefined;
  if (permission.startsWith('tools:call:')) {
    const pattern = permission.slice('tools:call:'.length);
    if (pattern.length > 0 && TOOL_PATTERN.test(pattern)) return undefined;
    return `"${permission}" names no valid tool (tool names use A-Z, a-z, 0-9, _, - and .; only a trailing * is allowed)`;
  }
  return `"${permission}" is not a permission; use ${PERMISSION_FORMS}`;
}

/** Whether one granted permission covers the required one. */
function grants(granted: string, required: string): boolean {
  if (granted === '*' || granted === required) return true;
  if (!required.startsWith('tools:call:')) return false;
  if (granted === 'tools:call') return true;
  if (granted.startsWith('tools:call:') && granted.endsWith('*')) {
    return required.startsWith(granted.slice(0, -1));
  }
  return false;
}

export function hasPermission(granted: readonly string[], required: string): boolean {
  return granted.some((permission) => grants(permission, required));
}

export function toolCallPermission(toolName: string): string {
  return `tools:call:${toolName}`;
}

export function canCallTool(granted: readonly string[], toolName: string): boolean {
  return hasPermission(granted, toolCallPermission(toolName));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

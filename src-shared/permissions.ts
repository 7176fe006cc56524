/**
 * The permission grammar granted to API keys.
 *
 *   *                       everything
 *   status:read             GET /mcp/status
 *   tools:list              MCP tools/list (lists only the tools the caller may call)
 *   tools:call              MCP tools/call on any tool
 *   tools:call:<tool>       MCP tools/call on one tool; a trailing `*` matches a prefix (tools:call:fs_*, or
 *                           tools:call:github__* for every tool of the gateway's server "github")
 *   resources:list          MCP resources/list and resources/templates/list
 *   resources:read          MCP resources/read of any resource
 *   prompts:list            MCP prompts/list (lists only the prompts the caller may get)
 *   prompts:get             MCP prompts/get of any prompt
 *   prompts:get:<prompt>    MCP prompts/get of one prompt; a trailing `*` matches a prefix
 *   folders:<folder>        limits `search` and `fetch` to that folder (repeatable; a trailing `*` matches a
 *                           prefix); a key with no `folders:` grant reaches every folder
 */

/** MCP tool (and prompt) names: 1 to 128 characters of A-Z, a-z, 0-9, `_`, `-` and `.`. */
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
const NAME_PATTERN = /^[A-Za-z0-9_.-]{0,128}\*?$/;
const FIXED_PERMISSIONS = new Set([
  '*',
  'status:read',
  'tools:list',
  'tools:call',
  'resources:list',
  'resources:read',
  'prompts:list',
  'prompts:get',
]);
/** The permissions that take a name after them, each granted whole by the one without it. */
const NAMED = [
  { prefix: 'tools:call:', what: 'tool' },
  { prefix: 'prompts:get:', what: 'prompt' },
  { prefix: 'folders:', what: 'folder' },
] as const;

export const PERMISSION_FORMS =
  '"*", "status:read", "tools:list", "tools:call", "tools:call:<tool>" (a trailing * matches a prefix, as in ' +
  '"tools:call:fs_*"), "resources:list", "resources:read", "prompts:list", "prompts:get", "prompts:get:<prompt>" or "folders:<folder>"';

export function isToolName(name: string): boolean {
  return TOOL_NAME.test(name);
}

/** Why `permission` is not part of the grammar, or undefined when it is. */
export function permissionProblem(permission: unknown): string | undefined {
  if (typeof permission !== 'string') return `must be a string, not ${describe(permission)}`;
  if (FIXED_PERMISSIONS.has(permission)) return undefined;
  for (const { prefix, what } of NAMED) {
    if (!permission.startsWith(prefix)) continue;
    const pattern = permission.slice(prefix.length);
    if (pattern.length > 0 && NAME_PATTERN.test(pattern)) return undefined;
    return `"${permission}" names no valid ${what} (${what} names use A-Z, a-z, 0-9, _, - and .; only a trailing * is allowed)`;
  }
  return `"${permission}" is not a permission; use ${PERMISSION_FORMS}`;
}

/** Whether one granted permission covers the required one. */
function grants(granted: string, required: string): boolean {
  if (granted === '*' || granted === required) return true;
  const named = NAMED.find(({ prefix }) => required.startsWith(prefix));
  if (named === undefined) return false;
  if (granted === named.prefix.slice(0, -1)) return true;
  if (granted.startsWith(named.prefix) && granted.endsWith('*')) {
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

export function promptGetPermission(promptName: string): string {
  return `prompts:get:${promptName}`;
}

export function canGetPrompt(granted: readonly string[], promptName: string): boolean {
  return hasPermission(granted, promptGetPermission(promptName));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * The folders a caller's `search` and `fetch` reach: those its `folders:` grants name, or all without any.
 * Only the `folders:` grants count here: `*` beside them (a full key limited to some folders) widens nothing.
 */
export function reachableFolders(granted: readonly string[], folders: readonly string[]): string[] {
  const grants = granted.filter((permission) => permission.startsWith('folders:'));
  if (grants.length === 0) return [...folders];
  return folders.filter((name) => grants.some((grant) => foldersGrantCovers(grant, name)));
}

function foldersGrantCovers(grant: string, folder: string): boolean {
  const pattern = grant.slice('folders:'.length);
  return pattern.endsWith('*') ? folder.startsWith(pattern.slice(0, -1)) : pattern === folder;
}

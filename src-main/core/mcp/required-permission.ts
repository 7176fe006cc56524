import { promptGetPermission, toolCallPermission } from '../../../src-shared/permissions.ts';

/** Methods that need one fixed permission. */
const FIXED: Record<string, string> = {
  'tools/list': 'tools:list',
  'resources/list': 'resources:list',
  'resources/templates/list': 'resources:list',
  'resources/read': 'resources:read',
  'resources/subscribe': 'resources:read',
  'resources/unsubscribe': 'resources:read',
  'prompts/list': 'prompts:list',
};

/** What each `subscriptions/listen` filter tells about, as the permission that would list or read it. */
const LISTEN_FILTERS: Record<string, string> = {
  toolsListChanged: 'tools:list',
  promptsListChanged: 'prompts:list',
  resourcesListChanged: 'resources:list',
  resourceSubscriptions: 'resources:read',
};

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const named = (params: unknown): string => {
  const name = record(params)['name'];
  return typeof name === 'string' ? name : '';
};

/**
 * The permissions an MCP message needs beyond a valid key: none for initialize, server/discover, ping,
 * notifications and methods this server does not offer. Being told that a list changed tells about the
 * list, so each `subscriptions/listen` filter asked for needs what listing (or reading) it needs.
 */
export function permissionsForMessage(message: unknown): string[] {
  const { method, params } = record(message);
  if (typeof method !== 'string') return [];
  const fixed = Object.hasOwn(FIXED, method) ? FIXED[method] : undefined;
  if (fixed !== undefined) return [fixed];
  if (method === 'tools/call') return [toolCallPermission(named(params))];
  if (method === 'prompts/get') return [promptGetPermission(named(params))];
  if (method === 'subscriptions/listen') {
    const filters = record(record(params)['notifications']);
    return Object.entries(LISTEN_FILTERS)
      .filter(([filter]) => {
        const asked = filters[filter];
        return asked === true || (Array.isArray(asked) && asked.length > 0);
      })
      .map(([, permission]) => permission);
  }
  return [];
}

/** The permissions a JSON-RPC body (one message or a batch) needs, in order. */
export function requiredPermissions(body: unknown): string[] {
  return (Array.isArray(body) ? body : [body]).flatMap(permissionsForMessage);
}

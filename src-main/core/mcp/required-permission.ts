import { toolCallPermission } from '../../../src-shared/permissions.ts';

/**
 * The permission an MCP message needs beyond a valid key, or undefined when a valid key is enough
 * (initialize, server/discover, ping, notifications, and methods this server does not offer).
 * `subscriptions/listen` asking for tool changes needs what listing the tools needs.
 */
export function requiredPermission(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { method, params } = message as { method?: unknown; params?: unknown };
  if (method === 'tools/list') return 'tools:list';
  // Being told that the tool list changed tells about the tools: the same permission as listing them.
  if (method === 'subscriptions/listen') {
    const notifications =
      typeof params === 'object' && params !== null
        ? (params as { notifications?: { toolsListChanged?: unknown } }).notifications
        : undefined;
    return notifications?.toolsListChanged === true ? 'tools:list' : undefined;
  }
  if (method === 'tools/call') {
    const name =
      typeof params === 'object' && params !== null ? (params as { name?: unknown }).name : undefined;
    return toolCallPermission(typeof name === 'string' ? name : '');
  }
  return undefined;
}

/** The permissions a JSON-RPC body (one message or a batch) needs, in order. */
export function requiredPermissions(body: unknown): string[] {
  const messages = Array.isArray(body) ? body : [body];
  return messages.map(requiredPermission).filter((permission) => permission !== undefined);
}

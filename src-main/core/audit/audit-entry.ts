import type { ActivityRow } from '../../../src-shared/dashboard-contract.ts';

/**
 * One line of the audit log: who called what, from where, and how it went (the dashboard's ActivityRow).
 * Never a secret, never tool arguments; `path` never has the query (it may carry ?api_key=).
 */
export type AuditEntry = ActivityRow;

/** The MCP method and tool name of a parsed JSON-RPC body, without reading anything else from it. */
export function mcpTarget(body: unknown): { mcpMethod: string | null; tool: string | null } {
  if (Array.isArray(body)) return { mcpMethod: body.length > 0 ? 'batch' : null, tool: null };
  if (typeof body !== 'object' || body === null) return { mcpMethod: null, tool: null };
  const { method, params } = body as { method?: unknown; params?: { name?: unknown } };
  const mcpMethod = typeof method === 'string' ? method.slice(0, 100) : null;
  const name = mcpMethod === 'tools/call' ? params?.name : undefined;
  return { mcpMethod, tool: typeof name === 'string' ? name.slice(0, 128) : null };
}

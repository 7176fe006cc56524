/** One line of the audit log: who called what, and how it went. Never a secret, never tool arguments. */
export interface AuditEntry {
  time: string;
  keyId: string | null;
  keyName: string | null;
  method: string;
  /** The URL path without its query (a query may carry ?api_key=). */
  path: string;
  /** The JSON-RPC method of an MCP request (`batch` for several), and the tool of a tools/call. */
  mcpMethod: string | null;
  tool: string | null;
  status: number;
  durationMs: number;
  userAgent: string | null;
  remoteAddress: string | null;
}

/** The MCP method and tool name of a parsed JSON-RPC body, without reading anything else from it. */
export function mcpTarget(body: unknown): { mcpMethod: string | null; tool: string | null } {
  if (Array.isArray(body)) return { mcpMethod: body.length > 0 ? 'batch' : null, tool: null };
  if (typeof body !== 'object' || body === null) return { mcpMethod: null, tool: null };
  const { method, params } = body as { method?: unknown; params?: { name?: unknown } };
  const mcpMethod = typeof method === 'string' ? method.slice(0, 100) : null;
  const name = mcpMethod === 'tools/call' ? params?.name : undefined;
  return { mcpMethod, tool: typeof name === 'string' ? name.slice(0, 128) : null };
}

import { z } from 'zod';
import type { ServerStatus } from '../server-status.ts';
import { defineTool, type ToolProvider } from './tool-provider.ts';

function jsonResult(value: object) {
  return {
    content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }],
    structuredContent: value as Record<string, unknown>,
  };
}

/** The names of the built-in tools: no server behind the gateway may take them. */
export const BUILTIN_TOOL_NAMES: ReadonlySet<string> = new Set(['whoami', 'server_status']);

/** The tools every MCP Tray server has: who am I, and how is the server doing. */
export function builtinTools(status: () => ServerStatus): ToolProvider {
  const tools = [
    defineTool({
      name: 'whoami',
      title: 'Who am I',
      description:
        'Shows the identity this connection authenticated as: key name, user id, role and permissions.',
      inputSchema: z.object({}),
      annotations: { readOnlyHint: true, openWorldHint: false },
      direct: true,
      call: async (_args, caller) =>
        jsonResult({
          keyId: caller.keyId,
          keyName: caller.keyName,
          userId: caller.userId,
          role: caller.role,
          permissions: [...caller.permissions],
          source: caller.source,
          ...(caller.client !== undefined && { client: caller.client }),
        }),
    }),
    defineTool({
      name: 'server_status',
      title: 'Server status',
      description: 'Shows the MCP Tray server: version, uptime, protocol versions and authentication modes.',
      inputSchema: z.object({}),
      annotations: { readOnlyHint: true, openWorldHint: false },
      direct: true,
      call: async () => jsonResult(status()),
    }),
  ];
  return { id: 'builtin', tools: () => tools };
}

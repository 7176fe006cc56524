import { McpServer, type McpServerFactory } from '@modelcontextprotocol/server';
import { canCallTool } from '../../../src-shared/permissions.ts';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import type { ToolDefinition, ToolProvider } from '../tools/tool-provider.ts';
import { callerFromAuthInfo } from './caller-auth-info.ts';

const INSTRUCTIONS =
  'MCP Tray connects this computer to your AI client. Call whoami to see which key you use and what it may do.';

/** The tools a caller with these permissions may call: the only ones its server will have. */
export function callableTools(
  providers: readonly ToolProvider[],
  permissions: readonly string[],
): ToolDefinition[] {
  return providers.flatMap((provider) =>
    provider.tools().filter((tool) => canCallTool(permissions, tool.name)),
  );
}

/**
 * An McpServer offering exactly `tools`. It holds no caller: each tool call reads the caller from the
 * request's auth info, so one server may serve every caller allowed the same tools. `listChanged` says
 * whether a change of tools reaches the client: on the 2026-07-28 era through `subscriptions/listen`; the
 * 2025-era endpoint is stateless, with no stream to carry one.
 */
export function buildMcpServer(
  version: string,
  tools: readonly ToolDefinition[],
  listChanged = false,
): McpServer {
  const server = new McpServer(
    { name: PRODUCT_NAME, version },
    { instructions: INSTRUCTIONS, capabilities: { tools: { listChanged } } },
  );
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        ...(tool.annotations ? { annotations: tool.annotations } : {}),
      },
      (args: Record<string, unknown>, ctx) => {
        const caller = callerFromAuthInfo(ctx.http?.authInfo);
        if (caller === undefined) throw new Error('This request carries no authenticated caller.');
        return tool.call(args, caller);
      },
    );
  }
  return server;
}

/** For the SDK's per-request handler (the 2026-07-28 era): a fresh server with the caller's tools. */
export function mcpServerFactory(version: string, providers: readonly ToolProvider[]): McpServerFactory {
  return ({ authInfo }) => {
    const caller = callerFromAuthInfo(authInfo);
    const tools = caller === undefined ? [] : callableTools(providers, caller.permissions);
    return buildMcpServer(version, tools, true);
  };
}

import { McpServer, type McpServerFactory } from '@modelcontextprotocol/server';
import { canCallTool } from '../../../src-shared/permissions.ts';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import type { ToolProvider } from '../tools/tool-provider.ts';
import { callerFromAuthInfo } from './caller-auth-info.ts';

export interface McpServerFactoryOptions {
  version: string;
  providers: readonly ToolProvider[];
}

const INSTRUCTIONS =
  'MCP Tray connects this computer to your AI client. Call whoami to see which key you use and what it may do.';

/**
 * Builds the McpServer for one request: only the tools the caller may call are registered, so `tools/list`
 * shows exactly those and nothing else can be called.
 */
export function mcpServerFactory(options: McpServerFactoryOptions): McpServerFactory {
  return ({ authInfo }) => {
    const caller = callerFromAuthInfo(authInfo);
    const server = new McpServer(
      { name: PRODUCT_NAME, version: options.version },
      { instructions: INSTRUCTIONS, capabilities: { tools: { listChanged: false } } },
    );
    for (const provider of options.providers) {
      for (const tool of provider.tools()) {
        if (caller === undefined || !canCallTool(caller.permissions, tool.name)) continue;
        server.registerTool(
          tool.name,
          {
            title: tool.title,
            description: tool.description,
            inputSchema: tool.inputSchema,
            ...(tool.annotations ? { annotations: tool.annotations } : {}),
          },
          (args: Record<string, unknown>) => tool.call(args, caller),
        );
      }
    }
    return server;
  };
}

import type { Logger } from '../logger.ts';
import { mcpRoute } from '../mcp/mcp-route.ts';
import { serverStatus, type ServerStatus } from '../server-status.ts';
import { builtinTools } from '../tools/builtin-tools.ts';
import { ToolCatalog } from '../tools/tool-catalog.ts';
import type { ToolOrigin, ToolProvider } from '../tools/tool-provider.ts';
import type { ServerModule } from './server-module.ts';

export interface McpModule extends ServerModule {
  readonly route: ReturnType<typeof mcpRoute>;
  /** What `GET /mcp/status` and the server_status tool answer. */
  status(): ServerStatus;
  /** Which of the user's servers a tool comes from (undefined for the built-ins). */
  toolOrigin(name: string): ToolOrigin | undefined;
  /** Every tool offered (the built-ins, then each provider's), for choosing what a key may call. */
  tools(): { name: string; title: string; description: string }[];
}

/** `/mcp` and the tools behind it: the built-ins first, then the providers given, each started first. */
export async function startMcp(
  version: string,
  keyCount: () => number,
  extra: readonly ToolProvider[],
  logger: Logger,
  now: () => number,
  startedAt: number,
): Promise<McpModule> {
  const status = () => serverStatus({ version, startedAt, now, keyCount });
  const catalog = new ToolCatalog([builtinTools(status), ...extra], logger);
  await catalog.start();
  // The SDK reports the requests it refuses (bad envelopes, headers) here: the client's fault, so a warning.
  const onRefused = (error: Error) => logger.warn(`MCP request not served: ${error.message}`);
  // The catalog answers from what its providers have now, so a change reaches the next request (the shared
  // servers of either era are rebuilt when their tool set changes), and 2026-era clients listening for it are
  // sent notifications/tools/list_changed. The 2025-era endpoint is stateless, with no stream to carry one.
  const route = mcpRoute({ version, providers: [catalog], onError: onRefused });
  return {
    name: 'mcp',
    route,
    status,
    toolOrigin: (name) => catalog.tools().find((tool) => tool.name === name)?.origin,
    tools: () =>
      catalog.tools().map(({ name, title, description }) => ({
        name,
        title: title ?? name,
        description: description ?? '',
      })),
    close: async () => {
      await route.close();
      await catalog.close();
    },
  };
}

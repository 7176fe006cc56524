import type { Logger } from '../logger.ts';
import { mcpRoute } from '../mcp/mcp-route.ts';
import { serverStatus, type ServerStatus } from '../server-status.ts';
import { builtinTools } from '../tools/builtin-tools.ts';
import type { ToolProvider } from '../tools/tool-provider.ts';
import type { ServerModule } from './server-module.ts';

export interface McpModule extends ServerModule {
  readonly route: ReturnType<typeof mcpRoute>;
  /** What `GET /mcp/status` and the server_status tool answer. */
  status(): ServerStatus;
  /** Every tool offered (the built-ins, then each provider's), for choosing what a key may call. */
  tools(): { name: string; title: string; description: string }[];
}

/** `/mcp` and the tools behind it: the built-ins first, then the providers given. */
export function startMcp(
  version: string,
  keyCount: () => number,
  extra: readonly ToolProvider[],
  logger: Logger,
  now: () => number,
): McpModule {
  const startedAt = now();
  const status = () => serverStatus({ version, startedAt, now, keyCount });
  const providers = [builtinTools(status), ...extra];
  // The SDK reports the requests it refuses (bad envelopes, headers) here: the client's fault, so a warning.
  const onRefused = (error: Error) => logger.warn(`MCP request not served: ${error.message}`);
  const route = mcpRoute({ version, providers, onError: onRefused });
  return {
    name: 'mcp',
    route,
    status,
    tools: () =>
      providers.flatMap((provider) =>
        provider.tools().map(({ name, title, description }) => ({ name, title, description })),
      ),
    close: () => route.close(),
  };
}

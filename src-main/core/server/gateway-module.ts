import { Gateway } from '../gateway/gateway.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import { BUILTIN_TOOL_NAMES } from '../tools/builtin-tools.ts';

/** The user's own MCP servers (servers.json) as a tool provider: their secrets in the keys' secret store. */
export function gatewayProvider(
  dataDir: string,
  secrets: SecretStore,
  version: string,
  logger: Logger,
  now: () => number,
): Gateway {
  return new Gateway({ dataDir, secrets, version, logger, now, taken: () => BUILTIN_TOOL_NAMES });
}

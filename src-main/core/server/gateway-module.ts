import { homedir } from 'node:os';
import type { UpstreamView } from '../../../src-shared/gateway-view.ts';
import { Gateway } from '../gateway/gateway.ts';
import { currentHost } from '../gateway/login-shell-path.ts';
import { probeServer } from '../gateway/server-probe.ts';
import { serversHandlers } from '../gateway/servers-handlers.ts';
import { ServersFile } from '../gateway/servers-file.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import { BUILTIN_TOOL_NAMES } from '../tools/builtin-tools.ts';

/** The dashboard's Servers screen: the gateway's handlers, and its changes as events. */
export function gatewayDashboard(
  gateway: Gateway,
  dataDir: string,
  secrets: SecretStore,
  version: string,
  now: () => number,
) {
  return {
    handlers: serversHandlers({
      dataDir,
      file: new ServersFile(dataDir, now),
      secrets,
      gateway,
      place: (file) => ({
        file,
        platform: process.platform,
        home: homedir(),
        env: process.env,
        cwd: process.cwd(),
      }),
      now,
      check: {
        probe: (entry) => probeServer(entry, { secrets, host: currentHost, version }),
        builtInTools: [...BUILTIN_TOOL_NAMES],
      },
    }),
    onChange: (listener: (view: { servers: UpstreamView[] }) => void) =>
      void gateway.onViews((servers) => listener({ servers })),
  };
}

/** The user's own MCP servers (servers.json) as a tool provider: their secrets in the keys' secret store. */
export function gatewayProvider(
  dataDir: string,
  secrets: SecretStore,
  version: string,
  logger: Logger,
  now: () => number,
  /** Names MCP Tray's other tools hold now (search and fetch, while folders are set). */
  alsoTaken: () => readonly string[] = () => [],
): Gateway {
  const taken = () => {
    const extra = alsoTaken();
    return extra.length === 0 ? BUILTIN_TOOL_NAMES : new Set([...BUILTIN_TOOL_NAMES, ...extra]);
  };
  return new Gateway({ dataDir, secrets, version, logger, now, taken });
}

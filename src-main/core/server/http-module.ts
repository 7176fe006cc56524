import type { AuditEntry } from '../audit/audit-entry.ts';
import type { KeyRegistry } from '../auth/key-registry.ts';
import { FailedAuthLockout } from '../auth/failed-auth-lockout.ts';
import { RateLimiter } from '../auth/rate-limiter.ts';
import type { Dashboard } from '../dashboard/setup-dashboard.ts';
import { createHttpApp, type HttpAppOptions } from '../http/http-app.ts';
import type { RequestsInFlight } from '../http/request-audit.ts';
import type { ServerStatus } from '../server-status.ts';
import type { AuditModule } from './audit-module.ts';
import type { EntryHints } from '../entry-hints.ts';
import type { Listening } from './listening.ts';
import type { McpModule } from './mcp-module.ts';
import type { ServerConfig } from './server-config.ts';
import { idleMemoryModule, memoryReducingCollection } from './idle-memory.ts';

export interface HttpParts {
  listening: Listening;
  registry: KeyRegistry;
  audit: AuditModule;
  mcp: McpModule;
  dashboard: Dashboard;
  allowQueryKey: () => boolean;
  status: () => ServerStatus;
  now: () => number;
  onError: (error: Error) => void;
  onAudit: (entry: AuditEntry) => void;
  inFlight?: RequestsInFlight;
  hints: EntryHints;
  publicAddress?: HttpAppOptions['publicAddress'];
  files?: HttpAppOptions['files'];
  /** The OAuth routes and token check, given the lockout that wrong keys on the consent page count towards. */
  oauth?: (lockout: FailedAuthLockout) => NonNullable<HttpAppOptions['oauth']>;
  /** The collection run once requests stop (idle-memory.ts); default: --expose-gc's, if there is one. */
  memoryReducingCollection?: (() => void) | undefined;
}

/**
 * Attaches the routes, behind their guards, to the listening server; and, where V8 lets it, the release of
 * unused memory once requests stop (the module returned, to be closed with the server).
 */
export function serveHttp(
  config: Pick<ServerConfig, 'defaultRateLimit'>,
  parts: HttpParts,
): ReturnType<typeof idleMemoryModule> | undefined {
  const lockout = new FailedAuthLockout(parts.now);
  const app = createHttpApp({
    allowedHosts: parts.listening.allowedHosts,
    allowedOrigins: parts.listening.allowedOrigins,
    hints: parts.hints,
    registry: parts.registry,
    allowQueryKey: parts.allowQueryKey,
    lockout,
    limiter: new RateLimiter(config.defaultRateLimit, parts.now),
    now: parts.now,
    audit: parts.audit.audit,
    usage: parts.audit.usage,
    onAudit: parts.onAudit,
    ...(parts.inFlight !== undefined && { inFlight: parts.inFlight }),
    serving: parts.dashboard.serving,
    dashboard: parts.dashboard.router,
    mcpBody: parts.mcp.route.parseBody,
    mcp: parts.mcp.route.handlers,
    status: parts.status,
    toolOrigin: parts.mcp.toolOrigin,
    onError: parts.onError,
    ...(parts.publicAddress !== undefined && { publicAddress: parts.publicAddress }),
    ...(parts.oauth !== undefined && { oauth: parts.oauth(lockout) }),
    ...(parts.files !== undefined && { files: parts.files }),
  });
  parts.listening.server.on('request', app);
  const collect = parts.memoryReducingCollection ?? memoryReducingCollection();
  return collect && idleMemoryModule(parts.listening.server, parts.now, collect);
}

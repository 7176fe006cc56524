import type { Request, RequestHandler, Router } from 'express';
import type { BearerTokens } from './bearer-tokens.ts';
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { FailedAuthLockout } from '../auth/failed-auth-lockout.ts';
import type { KeyRegistry } from '../auth/key-registry.ts';
import type { RateLimiter } from '../auth/rate-limiter.ts';
import type { KeyUsageFile } from '../keys/key-usage-file.ts';
import type { ServerStatus } from '../server-status.ts';
import type { RequestsInFlight } from './request-audit.ts';
import type { ServingSwitch } from './serving-switch.ts';
import type { EntryHints } from '../entry-hints.ts';
import type { ToolOrigin } from '../tools/tool-provider.ts';

/** What the HTTP surface is built from: the allowlists, the key registry, the audit, and the route groups. */
export interface HttpAppOptions {
  allowedHosts: ReadonlySet<string>;
  allowedOrigins: ReadonlySet<string>;
  /** How the entry point says a host or an origin is allowed. */
  hints: Pick<EntryHints, 'allowHost' | 'allowOrigin'>;
  registry: KeyRegistry;
  allowQueryKey: () => boolean;
  lockout: FailedAuthLockout;
  limiter: RateLimiter;
  now: () => number;
  audit: AuditLog;
  usage: KeyUsageFile;
  onAudit: (entry: AuditEntry) => void;
  inFlight?: RequestsInFlight;
  serving: ServingSwitch;
  /** The web dashboard: `/login`, `/api/*` and the renderer at `/`. */
  dashboard: Router;
  /** Reads an MCP request's body, once its key is known. */
  mcpBody: RequestHandler;
  mcp: RequestHandler[];
  status: () => ServerStatus;
  onError: (error: Error) => void;
  /** The public origin (a tunnel's): which requests came by it, and what /mcp/status says it is. */
  publicAddress?: { isPublic(host: string | undefined): boolean; readonly origin: string | undefined };
  /** The authorization server, where OAuth is on (the public URL; loopback with "OAuth for local clients"). */
  oauth?: BearerTokens & { routes: Router };
  /** `/files/<id>` (search results' files), for the owner's dashboard session or a key. */
  files?: { route: RequestHandler; signedIn(req: Request): Promise<boolean> };
  /** Which of the user's servers a tool comes from, for the audit log. */
  toolOrigin?: (name: string) => ToolOrigin | undefined;
}

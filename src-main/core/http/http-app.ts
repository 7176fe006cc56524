import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { MCP_PATH } from '../../../src-shared/product.ts';
import { rateLimit } from './rate-limit.ts';
import type { HttpAppOptions } from './http-app-options.ts';
import { requestAudit } from './request-audit.ts';
import { apiKeyAuth, requirePermission } from './api-key-auth.ts';
import { sendJsonError, sendJsonRpcError } from './json-error.ts';
import { publicHostGuard } from './public-host-guard.ts';
import { absoluteFormTarget } from './request-target.ts';
import { hostGuard, originGuard } from './request-guards.ts';
import { handlerChain } from './handler-chain.ts';

interface HttpError {
  type?: string;
  status?: number;
  message?: string;
  /** The body limit that was passed, in bytes (body-parser's entity.too.large). */
  limit?: number;
}

/** 1048576 as "1 MiB", 4096 as "4 KiB". */
function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

/** Whatever goes wrong, the answer is JSON, never an HTML page or a stack. */
function jsonErrorHandler(onError: (error: Error) => void): ErrorRequestHandler {
  return (error: HttpError, _req, res, _next) => {
    if (res.headersSent) return void res.end();
    if (error.type === 'entity.too.large') {
      const limit = typeof error.limit === 'number' ? sizeLabel(error.limit) : 'size';
      return sendJsonError(
        res,
        413,
        'payload_too_large',
        `The request body is over the ${limit} limit of this route.`,
      );
    }
    if (error.type === 'entity.parse.failed') {
      return sendJsonRpcError(res, 400, -32700, 'Parse error: the request body is not valid JSON.');
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      return sendJsonError(res, error.status, 'bad_request', 'The request could not be read.');
    }
    onError(error instanceof Error ? error : new Error(String(error.message)));
    sendJsonError(res, 500, 'internal_error', 'The server failed to handle this request; see its log.');
  };
}

/** The paths of the authorization server (its metadata, endpoints, consent page and the page's styles). */
const OAUTH_PATHS = /^\/(\.well-known\/|register$|authorize(\/|$)|token$|revoke$|consent\/)/;

/** Who a signed-in dashboard session is, where a route takes it as a caller. */
const DASHBOARD_OWNER = {
  keyId: 'dashboard',
  keyName: 'you, in the dashboard',
  userId: 'owner',
  role: 'owner',
  permissions: ['*'],
  source: 'stored' as const,
};

/** What an OAuth endpoint answers while OAuth is off: the key is what needs fixing. */
export const API_KEYS_ONLY =
  "This server uses API keys, not OAuth: the client's key is missing or wrong. Copy it again from MCP Tray (Keys, Copy connector key) into the client's X-API-Key or Authorization: Bearer header.";

export type { HttpAppOptions } from './http-app-options.ts';

/** The HTTP surface: guards in front of every route, then the routes, then JSON 404 and errors. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(
    handlerChain([
      absoluteFormTarget,
      requestAudit(
        options.audit,
        options.usage,
        options.now,
        options.onAudit,
        options.inFlight,
        options.toolOrigin,
      ),
      hostGuard(options.allowedHosts, options.hints.allowHost),
      // The public origin's own pages (the consent page) post back to it.
      originGuard(options.allowedOrigins, options.hints.allowOrigin, () => options.publicAddress?.origin),
      publicHostGuard((host) => options.publicAddress?.isPublic(host) ?? false),
    ]),
  );

  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  // A client given a wrong key may try OAuth (discovery, then /register): tell it, and the person reading its
  // error, what is really wrong, rather than "registration rejected".
  const oauth = options.oauth;
  // Only OAuth's own paths enter its router: /mcp, the hot path, never walks its routes.
  if (oauth !== undefined)
    app.use((req, res, next) => (OAUTH_PATHS.test(req.path) ? oauth.routes(req, res, next) : next()));
  const oauthOff: RequestHandler = (_req, res) => sendJsonError(res, 404, 'oauth_not_enabled', API_KEYS_ONLY);
  app.all(
    ['/.well-known/{*rest}', '/register', '/authorize', '/token', '/revoke', '/consent/{*rest}'],
    oauthOff,
  );

  const keyCheck = apiKeyAuth({
    registry: options.registry,
    allowQueryKey: options.allowQueryKey,
    lockout: options.lockout,
    now: options.now,
    ...(options.oauth !== undefined && { oauth: options.oauth }),
  });
  const limit = rateLimit(options.limiter);
  app.get(`${MCP_PATH}/status`, keyCheck, limit, requirePermission('status:read'), (_req, res) => {
    const origin = options.publicAddress?.origin;
    res.json({ ...options.status(), publicUrl: origin === undefined ? null : `${origin}${MCP_PATH}` });
  });
  app.all(
    MCP_PATH,
    handlerChain([options.serving.guard(), keyCheck, options.mcpBody, limit, ...options.mcp]),
  );
  const files = options.files;
  if (files !== undefined) {
    // The owner's browser, signed in to the dashboard, opens search results' links; a client needs a key.
    const owner: RequestHandler = (req, res, next) =>
      void files.signedIn(req).then((signedIn) => {
        if (!signedIn) return keyCheck(req, res, next);
        req.caller = DASHBOARD_OWNER;
        next();
      }, next);
    app.get('/files/{*rest}', owner, limit, requirePermission('tools:call:fetch'), files.route);
  }
  app.use(options.dashboard);

  app.use((req, res) =>
    sendJsonError(
      res,
      404,
      'not_found',
      `Nothing is served at ${req.method} ${req.path}; MCP clients use ${MCP_PATH}.`,
    ),
  );
  app.use(jsonErrorHandler(options.onError));
  return app;
}

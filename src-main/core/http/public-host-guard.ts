import type { RequestHandler } from 'express';
import { MCP_PATH } from '../../../src-shared/product.ts';
import { sendJsonError } from './json-error.ts';

/** What answers on the public host: MCP, the OAuth endpoints and consent page, and a health check that says nothing. */
const PUBLIC_PATHS = [MCP_PATH, '/healthz', '/register', '/authorize', '/token', '/revoke'];

export function servedOnPublicHost(path: string): boolean {
  return (
    PUBLIC_PATHS.includes(path) ||
    ['/.well-known/', '/authorize/', '/consent/'].some((prefix) => path.startsWith(prefix))
  );
}

/**
 * On the public host (a tunnel's name), everything but MCP, OAuth and /healthz answers 404: the dashboard,
 * /api, /login and the sign-in pages are for this computer only, whoever holds a session cookie.
 */
export function publicHostGuard(isPublic: (host: string | undefined) => boolean): RequestHandler {
  return (req, res, next) => {
    if (!isPublic(req.headers.host)) return next();
    // The audit log marks what came from the internet.
    res.locals['viaPublicUrl'] = true;
    if (servedOnPublicHost(req.path)) return next();
    sendJsonError(
      res,
      404,
      'not_found',
      `Nothing is served at ${req.path} on the public address; MCP clients use ${MCP_PATH}. The dashboard opens on this computer only.`,
    );
  };
}

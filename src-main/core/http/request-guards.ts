import type { RequestHandler } from 'express';
import { canonicalOrigin } from './origin-allowlist.ts';
import { sendJsonError } from './json-error.ts';

/** Refuses any request whose Host header is not one of ours (DNS rebinding protection). */
export function hostGuard(allowed: ReadonlySet<string>, hint: string): RequestHandler {
  return (req, res, next) => {
    // Node keeps the first of several Host headers; a proxy behind us might read another. Refuse the doubt.
    if (req.rawHeaders.filter((_, i) => i % 2 === 0 && /^host$/i.test(req.rawHeaders[i] ?? '')).length > 1) {
      sendJsonError(
        res,
        400,
        'duplicate_host',
        'The request carries more than one Host header; send exactly one.',
      );
      return;
    }
    const host = req.headers.host?.toLowerCase();
    if (host !== undefined && allowed.has(host)) return next();
    sendJsonError(
      res,
      403,
      'forbidden_host',
      `This server only answers to ${[...allowed].join(', ')}; the request named host "${host ?? ''}". ` +
        hint,
    );
  };
}

const EXPOSED_HEADERS = 'Mcp-Session-Id, WWW-Authenticate, Retry-After';
const ALLOWED_METHODS = 'GET, POST, DELETE, OPTIONS';
const DEFAULT_ALLOWED_HEADERS =
  'Content-Type, Accept, Authorization, X-API-Key, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID';

/**
 * Browsers send `Origin`; other clients do not. A present Origin must be allowlisted (`null` never is), and
 * only then does the response carry CORS headers, echoing that one origin: never a wildcard.
 */
export function originGuard(
  allowed: ReadonlySet<string>,
  hint: (origin: string) => string,
  also: () => string | undefined = () => undefined,
): RequestHandler {
  return (req, res, next) => {
    const raw = req.headers.origin;
    if (raw === undefined) return next();
    const origin = canonicalOrigin(raw);
    // A browser sends an origin serialized (scheme://host[:port], nothing after it): anything else is no
    // browser's, and is refused rather than echoed back as it came.
    if (origin !== raw) {
      sendJsonError(
        res,
        403,
        'forbidden_origin',
        `"${raw}" is not an origin as browsers send it (scheme://host[:port]); requests with it are not allowed.`,
      );
      return;
    }
    if (!allowed.has(origin) && origin !== also()) {
      sendJsonError(
        res,
        403,
        'forbidden_origin',
        `Requests from the web origin "${raw}" are not allowed. ${hint(raw)}`,
      );
      return;
    }
    res.vary('Origin');
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (req.method === 'OPTIONS') {
      const requested = req.headers['access-control-request-headers'];
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', requested ?? DEFAULT_ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

import type { RequestHandler } from 'express';
import { sendJsonError } from './json-error.ts';

/**
 * A request whose target is a whole URL (`POST http://127.0.0.1:3210/mcp`, the absolute form proxies use) is
 * answered as its path, with the URL's authority as its host, as RFC 9112 (3.2.2) says: the Host allowlist
 * then checks that host, so the form cannot slip a foreign name past it. Before this, the MCP SDK built
 * `http://<host><whole URL>` from it and answered 500.
 */
export const absoluteFormTarget: RequestHandler = (req, res, next) => {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(req.url)) return next();
  const url = URL.parse(req.url);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.host === '')
    return sendJsonError(res, 400, 'bad_request', 'The request target is not a URL this server answers.');
  req.headers.host = url.host;
  req.url = `${url.pathname}${url.search}`;
  next();
};

import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { join } from 'node:path';
import type Provider from 'oidc-provider';
import { jsonDepthGuard } from '../http/json-depth.ts';
import { OAUTH_ROUTES, SCOPES_SUPPORTED } from './oauth-constants.ts';
import { consentRoutes, type ConsentDeps } from './consent-routes.ts';
import { authorizationServerMetadata, protectedResourceMetadata } from './oauth-metadata.ts';
import { OAUTH_STYLE_PATH } from './oauth-pages.ts';
import type { OAuthServers } from './oauth-servers.ts';

export interface OAuthRoutesDeps extends Omit<ConsentDeps, 'provider'> {
  servers: OAuthServers;
  /** The issuer a request meets, or undefined where OAuth is off (the routes then pass it on). */
  issuerFor: (req: Request) => string | undefined;
  rendererDir: string;
}

/** What the OAuth pages load, from the renderer's files: nothing else there is served on the public host. */
const PAGE_FILES = new Set(['/palette.css', '/sign-in.css', '/consent.css', '/icon.svg']);

const issuerOf = (res: Response) => res.locals['issuer'] as string;

const LOOPBACK_REDIRECT = /^http:\/\/(127\.0\.0\.1|\[::1\])(:\d+)?\//;

/**
 * A registration body as oidc-provider should see it: without `scope` (it names resource scopes oidc-provider
 * would refuse; the grant decides scopes), and a client whose redirect URIs are all loopback IPs registered
 * as a native app, so that any port of them is accepted (RFC 8252: such clients pick a free port each time).
 */
const normalizeRegistration: RequestHandler = (req, _res, next) => {
  const body = req.body as Record<string, unknown> | undefined;
  if (typeof body === 'object' && body !== null) {
    delete body['scope'];
    const uris = body['redirect_uris'];
    const loopback =
      Array.isArray(uris) &&
      uris.length > 0 &&
      uris.every((uri) => typeof uri === 'string' && LOOPBACK_REDIRECT.test(uri));
    if (loopback && body['application_type'] === undefined) body['application_type'] = 'native';
  }
  next();
};

/** A registration nested deeper than any client's is refused as OAuth refuses metadata, before anything reads it. */
const refuseDeepRegistration = jsonDepthGuard(
  (res, message) =>
    void res.status(400).json({ error: 'invalid_client_metadata', error_description: message }),
);

/** ChatGPT asks without `scope` (and asks again without it): that means everything this server offers. */
const defaultScope: RequestHandler = (req, _res, next) => {
  const url = new URL(req.url, 'http://x');
  if (!url.searchParams.has('scope')) {
    url.searchParams.set('scope', SCOPES_SUPPORTED.join(' '));
    req.url = `${url.pathname}${url.search}`;
  }
  next();
};

/**
 * The authorization server's routes where OAuth is on: the metadata documents, then oidc-provider's
 * endpoints (given the issuer's own scheme and host, never the client's X-Forwarded-* headers), the
 * consent page and its styles.
 */
export function oauthRoutes(deps: OAuthRoutesDeps): Router {
  const router = express.Router();
  const callbacks = new WeakMap<Provider, ReturnType<Provider['callback']>>();
  const provider = (res: Response) => deps.servers.providerFor(issuerOf(res));
  const toProvider: RequestHandler = async (req, res) => {
    const issuer = new URL(issuerOf(res));
    req.headers['x-forwarded-proto'] = issuer.protocol.slice(0, -1);
    req.headers['x-forwarded-host'] = issuer.host;
    delete req.headers['x-forwarded-for'];
    const current = await provider(res);
    let callback = callbacks.get(current);
    if (callback === undefined) callbacks.set(current, (callback = current.callback()));
    void callback(req, res);
  };

  router.use((req, res, next) => {
    const issuer = deps.issuerFor(req);
    if (issuer === undefined) return next('router');
    res.locals['issuer'] = issuer;
    next();
  });
  router.get(
    ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp'],
    (_req, res) => void res.json(protectedResourceMetadata(issuerOf(res))),
  );
  router.get(
    ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'],
    (_req, res) => void res.json(authorizationServerMetadata(issuerOf(res))),
  );
  router.get(OAUTH_ROUTES.jwks, toProvider);
  router.post(
    OAUTH_ROUTES.registration,
    express.json({ limit: '64kb' }),
    refuseDeepRegistration,
    normalizeRegistration,
    toProvider,
  );
  router.get(OAUTH_ROUTES.authorization, defaultScope, toProvider);
  router.post(OAUTH_ROUTES.authorization, toProvider);
  router.get(`${OAUTH_ROUTES.authorization}/:uid`, toProvider);
  router.post([OAUTH_ROUTES.token, OAUTH_ROUTES.revocation], toProvider);
  router.use(consentRoutes({ ...deps, provider }));
  router.get(`${OAUTH_STYLE_PATH}/{*file}`, (req, res, next) => {
    const file = req.path.slice(OAUTH_STYLE_PATH.length);
    if (!PAGE_FILES.has(file)) return next();
    res.sendFile(join(deps.rendererDir, file));
  });
  return router;
}

import type { Request, Router } from 'express';
import type { FailedAuthLockout } from '../auth/failed-auth-lockout.ts';
import type { KeyRegistry } from '../auth/key-registry.ts';
import type { BearerTokens } from '../http/bearer-tokens.ts';
import { checkAccessToken, looksLikeJwt } from './access-tokens.ts';
import type { GrantInfos } from './grant-infos.ts';
import { oauthIssuerFor } from './oauth-issuer.ts';
import { oauthChallenge } from './oauth-metadata.ts';
import { oauthRoutes } from './oauth-routes.ts';
import type { OAuthServers } from './oauth-servers.ts';
import type { PendingApprovals } from './pending-approvals.ts';

export interface OAuthHttpDeps {
  registry: KeyRegistry;
  lockout: FailedAuthLockout;
  now: () => number;
  publicOrigin: () => string | undefined;
  /** "OAuth for local clients" (Settings, `serve --oauth-local`): OAuth on loopback names too. */
  oauthLocal: () => boolean;
  onRequest?: (request: { clientName: string; url: string }) => void;
  /** The built renderer, whose stylesheets and icon the OAuth pages use. */
  rendererDir: string;
}

/** What the HTTP surface gets of the authorization server: its routes, and access tokens beside API keys. */
export function oauthHttp(
  servers: OAuthServers,
  { grants, pending }: { grants: GrantInfos; pending: PendingApprovals },
  deps: OAuthHttpDeps,
): BearerTokens & { routes: Router } {
  const issuerFor = (req: Request) =>
    oauthIssuerFor(req.headers.host, deps.publicOrigin(), deps.oauthLocal());
  const tokenDeps = {
    publicKey: () => servers.publicKey(),
    store: servers.store,
    infos: grants,
    registry: deps.registry,
    now: deps.now,
  };
  return {
    issuerFor,
    challenge: oauthChallenge,
    isToken: looksLikeJwt,
    check: (token, issuer) => checkAccessToken(token, issuer, tokenDeps),
    routes: oauthRoutes({ ...deps, servers, infos: grants, pending, issuerFor }),
  };
}

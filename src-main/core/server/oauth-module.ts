import type { Request } from 'express';
import type { FailedAuthLockout } from '../auth/failed-auth-lockout.ts';
import type { KeyRegistry } from '../auth/key-registry.ts';
import { rendererDir } from '../dashboard/renderer-dir.ts';
import type { HttpAppOptions } from '../http/http-app-options.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import { checkAccessToken, looksLikeJwt } from '../oauth/access-tokens.ts';
import { oauthChallenge } from '../oauth/oauth-metadata.ts';
import { GrantInfos } from '../oauth/grant-infos.ts';
import { oauthIssuerFor } from '../oauth/oauth-issuer.ts';
import { oauthRoutes } from '../oauth/oauth-routes.ts';
import { OAuthServers } from '../oauth/oauth-servers.ts';
import type { ServerModule } from './server-module.ts';

export interface OAuthHttpDeps {
  registry: KeyRegistry;
  lockout: FailedAuthLockout;
  now: () => number;
  publicOrigin: () => string | undefined;
  /** "OAuth for local clients" (Settings, `serve --oauth-local`): OAuth on loopback names too. */
  oauthLocal: () => boolean;
  onRequest?: (request: { clientName: string; url: string }) => void;
}

export interface OAuthModule extends ServerModule {
  readonly servers: OAuthServers;
  readonly grants: GrantInfos;
  /** The routes and the token check, for the HTTP surface. */
  http(deps: OAuthHttpDeps): NonNullable<HttpAppOptions['oauth']>;
}

/** MCP Tray as an OAuth authorization server for its public URL (and loopback, when asked). */
export async function startOAuth(deps: {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  now: () => number;
}): Promise<OAuthModule> {
  const servers = await OAuthServers.open(deps);
  const grants = new GrantInfos(servers.store, deps.now);
  return {
    name: 'oauth',
    servers,
    grants,
    http(http) {
      const issuerFor = (req: Request) =>
        oauthIssuerFor(req.headers.host, http.publicOrigin(), http.oauthLocal());
      const tokenDeps = {
        publicKey: servers.publicKey,
        store: servers.store,
        infos: grants,
        registry: http.registry,
        now: http.now,
      };
      return {
        issuerFor,
        challenge: oauthChallenge,
        isToken: looksLikeJwt,
        check: (token, issuer) => checkAccessToken(token, issuer, tokenDeps),
        routes: oauthRoutes({ ...http, servers, infos: grants, issuerFor, rendererDir: rendererDir() }),
      };
    },
    close: () => Promise.resolve(),
  };
}

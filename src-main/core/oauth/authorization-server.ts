import type { JWK } from 'jose';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { checkMetadataDocumentUrl } from './client-metadata-guard.ts';
import {
  ACCESS_TOKEN_SECONDS,
  CLIENT_AUTH_METHODS,
  CODE_SECONDS,
  consentPath,
  MCP_SCOPE,
  OAUTH_ROUTES,
  REFRESH_SECONDS,
  resourceOf,
} from './oauth-constants.ts';
import type { OAuthStore } from './oauth-store.ts';
import { oauthErrorPage } from './oauth-pages.ts';

export interface AuthorizationServerOptions {
  /** The origin clients reach: compared as an exact string by clients, so no trailing slash. */
  issuer: string;
  store: OAuthStore;
  signingJwk: JWK;
  cookieKeys: string[];
}

function resourceIndicators(resource: string) {
  return {
    enabled: true,
    defaultResource: () => resource,
    useGrantedResource: () => true,
    getResourceServerInfo: (_ctx: KoaContextWithOIDC, indicator: string) => {
      if (indicator !== resource)
        throw new errors.InvalidTarget(`this server issues tokens for ${resource} only, not ${indicator}`);
      return {
        scope: MCP_SCOPE,
        audience: resource,
        accessTokenTTL: ACCESS_TOKEN_SECONDS,
        accessTokenFormat: 'jwt' as const,
        jwt: { sign: { alg: 'ES256' as const } },
      };
    },
  };
}

/**
 * oidc-provider set up as MCP Tray's authorization server for one issuer: authorization code with PKCE S256
 * only, dynamic registration and client ID metadata documents, ES256 JWT access tokens for `<issuer>/mcp`,
 * rotating refresh tokens (a reused one ends its whole grant), revocation. Consent is MCP Tray's own page.
 */
export function createAuthorizationServer(options: AuthorizationServerOptions): Provider {
  const resource = resourceOf(options.issuer);
  const configuration: Configuration = {
    adapter: (name: string) => options.store.adapter(name),
    clients: [],
    jwks: { keys: [options.signingJwk] },
    cookies: { keys: options.cookieKeys },
    scopes: ['openid', 'offline_access'],
    claims: { openid: ['sub'] },
    responseTypes: ['code'],
    clientAuthMethods: [...CLIENT_AUTH_METHODS],
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
    },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      revocation: {
        enabled: true,
        // A client revokes its own tokens only (a public client's attempt at another's is ignored, per RFC 7009).
        allowedPolicy: (_ctx, client, token) => {
          if (token.clientId === client.clientId) return true;
          if (client.clientAuthMethod === 'none') return false;
          throw new errors.InvalidRequest('a client may revoke its own tokens only');
        },
      },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: false },
      resourceIndicators: resourceIndicators(resource),
      clientIdMetadataDocument: {
        enabled: true,
        ack: 'draft-02',
        allowFetch: (_ctx: KoaContextWithOIDC, clientId: string) => checkMetadataDocumentUrl(clientId),
      },
    },
    pkce: { required: () => true },
    // Browser origins reaching this far passed the Origin allowlist in front of every route.
    clientBasedCORS: (_ctx, origin) => origin !== 'null',
    interactions: { url: (_ctx, interaction) => consentPath(interaction.uid) },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // The MCP endpoint looks the grant up on every request: revoking it (or its key) ends the token at once.
    extraTokenClaims: (_ctx, token) => ('grantId' in token ? { gid: token.grantId } : {}),
    ttl: {
      AccessToken: ACCESS_TOKEN_SECONDS,
      IdToken: ACCESS_TOKEN_SECONDS,
      AuthorizationCode: CODE_SECONDS,
      RefreshToken: REFRESH_SECONDS,
      Grant: REFRESH_SECONDS,
      Interaction: CODE_SECONDS,
      Session: CODE_SECONDS,
    },
    routes: OAUTH_ROUTES,
    // A person meets errors of the authorization pages as a page; a client of the API endpoints as JSON,
    // whatever its Accept header says.
    renderError: (ctx, out) => {
      if (!ctx.path.startsWith(OAUTH_ROUTES.authorization)) {
        ctx.type = 'json';
        ctx.body = { error: out['error'], error_description: out['error_description'] };
        return;
      }
      ctx.type = 'html';
      ctx.body = oauthErrorPage(String(out['error']), String(out['error_description'] ?? ''));
    },
  };
  const provider = new Provider(options.issuer, configuration);
  // Requests reach it with X-Forwarded-* set by MCP Tray itself from the issuer (never the client's).
  provider.proxy = true;
  return provider;
}

import type { JWK } from 'jose';
import Provider, {
  errors,
  type ClientAuthMethod,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { MCP_PATH } from '../../../src-shared/product.ts';
import { checkMetadataDocumentUrl } from './client-metadata-guard.ts';
import type { OAuthStore } from './oauth-store.ts';
import { oauthErrorPage } from './oauth-pages.ts';

/** The one scope of the MCP endpoint (a resource scope: listed in oidc-provider's `scopes` it loops consent). */
export const MCP_SCOPE = 'mcp';
/** What the metadata documents advertise; a request without `scope` gets all of it. */
export const SCOPES_SUPPORTED = [MCP_SCOPE, 'offline_access'];
/** How clients may authenticate at the token endpoint: public clients (PKCE) and client secrets. */
export const CLIENT_AUTH_METHODS: ClientAuthMethod[] = ['none', 'client_secret_basic', 'client_secret_post'];
export const ACCESS_TOKEN_SECONDS = 3600;
const CODE_SECONDS = 600;
const REFRESH_SECONDS = 30 * 24 * 3600;

/** The authorization server's endpoints, relative to its issuer. */
export const OAUTH_ROUTES = {
  authorization: '/authorize',
  token: '/token',
  registration: '/register',
  revocation: '/revoke',
  jwks: '/.well-known/jwks.json',
} as const;

/** Where the consent page of an interaction is. */
export function consentPath(uid: string): string {
  return `/consent/${uid}`;
}

/** The MCP endpoint an issuer's tokens are for: `<issuer>/mcp`, exactly. */
export function resourceOf(issuer: string): string {
  return `${issuer}${MCP_PATH}`;
}

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
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = oauthErrorPage(String(out['error']), String(out['error_description'] ?? ''));
    },
  };
  const provider = new Provider(options.issuer, configuration);
  // Requests reach it with X-Forwarded-* set by MCP Tray itself from the issuer (never the client's).
  provider.proxy = true;
  return provider;
}

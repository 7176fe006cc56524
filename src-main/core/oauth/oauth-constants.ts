import type { ClientAuthMethod } from 'oidc-provider';
import { MCP_PATH } from '../../../src-shared/product.ts';

/** The one scope of the MCP endpoint (a resource scope: listed in oidc-provider's `scopes` it loops consent). */
export const MCP_SCOPE = 'mcp';
/** What the metadata documents advertise; a request without `scope` gets all of it. */
export const SCOPES_SUPPORTED = [MCP_SCOPE, 'offline_access'];
/** How clients may authenticate at the token endpoint: public clients (PKCE) and client secrets. */
export const CLIENT_AUTH_METHODS: ClientAuthMethod[] = ['none', 'client_secret_basic', 'client_secret_post'];
export const ACCESS_TOKEN_SECONDS = 3600;
export const CODE_SECONDS = 600;
export const REFRESH_SECONDS = 30 * 24 * 3600;

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

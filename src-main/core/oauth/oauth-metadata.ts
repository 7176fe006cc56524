import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import { CLIENT_AUTH_METHODS, OAUTH_ROUTES, resourceOf, SCOPES_SUPPORTED } from './oauth-constants.ts';

/** Where clients find the MCP endpoint's Protected Resource Metadata (the path-based form ChatGPT reads). */
export function resourceMetadataUrl(issuer: string): string {
  return `${issuer}/.well-known/oauth-protected-resource/mcp`;
}

/** What a 401 from /mcp says where OAuth is on: where to start, and what to ask for. */
export function oauthChallenge(issuer: string): string {
  return `Bearer resource_metadata="${resourceMetadataUrl(issuer)}", scope="${SCOPES_SUPPORTED.join(' ')}"`;
}

/** RFC 9728: the MCP endpoint, and who issues its tokens. */
export function protectedResourceMetadata(issuer: string): Record<string, unknown> {
  return {
    resource: resourceOf(issuer),
    authorization_servers: [issuer],
    scopes_supported: SCOPES_SUPPORTED,
    bearer_methods_supported: ['header'],
    resource_name: PRODUCT_NAME,
  };
}

/** RFC 8414: the endpoints and what they support (the issuer exactly as clients compare it). */
export function authorizationServerMetadata(issuer: string): Record<string, unknown> {
  const at = (path: string) => `${issuer}${path}`;
  return {
    issuer,
    authorization_endpoint: at(OAUTH_ROUTES.authorization),
    token_endpoint: at(OAUTH_ROUTES.token),
    registration_endpoint: at(OAUTH_ROUTES.registration),
    revocation_endpoint: at(OAUTH_ROUTES.revocation),
    jwks_uri: at(OAUTH_ROUTES.jwks),
    scopes_supported: SCOPES_SUPPORTED,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    revocation_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    client_id_metadata_document_supported: true,
    authorization_response_iss_parameter_supported: true,
  };
}

import * as oauth from 'oauth4webapi';

/** The authorization-code flow with PKCE, as both providers (GitHub, OpenID Connect) use it. */

/** A provider that does not answer within this long is reported as unreachable. */
export const PROVIDER_TIMEOUT_MS = 10_000;

/** oauth4webapi refuses plain http unless told; only a loopback provider (tests, a local proxy) may use it. */
export function requestOptions(providerUrl: string) {
  const loopback = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(new URL(providerUrl).origin);
  return { [oauth.allowInsecureRequests]: loopback, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) };
}

/** Checks the callback against `state` and trades its code (with the PKCE verifier) at the token endpoint. */
export function exchangeCode(
  as: oauth.AuthorizationServer,
  client: { clientId: string; clientSecret: string },
  callback: URL,
  state: string,
  redirectUri: string,
  codeVerifier: string,
  headers?: Headers,
): Promise<Response> {
  const params = oauth.validateAuthResponse(as, { client_id: client.clientId }, callback, state);
  return oauth.authorizationCodeGrantRequest(
    as,
    { client_id: client.clientId },
    oauth.ClientSecretPost(client.clientSecret),
    params,
    redirectUri,
    codeVerifier,
    { ...requestOptions(as.issuer), ...(headers && { headers }) },
  );
}

/** A provider's authorize URL for the code flow with PKCE (S256); never carries a secret. */
export async function authorizeUrl(
  endpoint: string,
  params: {
    clientId: string;
    redirectUri: string;
    scope: string;
    state: string;
    codeVerifier: string;
    nonce?: string;
  },
): Promise<string> {
  const url = new URL(endpoint);
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', params.scope);
  url.searchParams.set('state', params.state);
  if (params.nonce !== undefined) url.searchParams.set('nonce', params.nonce);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(params.codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return url.href;
}

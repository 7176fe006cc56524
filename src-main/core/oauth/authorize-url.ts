import * as oauth from 'oauth4webapi';

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

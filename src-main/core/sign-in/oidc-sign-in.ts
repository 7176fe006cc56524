import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import { AppError } from '../app-error.ts';
import { authorizeUrl, exchangeCode, PROVIDER_TIMEOUT_MS, requestOptions } from './code-flow.ts';
import type { Identity } from './identity.ts';
import type { GoogleSettings } from './sign-in-config.ts';

function unreachable(settings: GoogleSettings, error: unknown): AppError {
  const text = error instanceof Error ? error.message : String(error);
  if (/timeout|abort|ECONNREFUSED|fetch failed|ENOTFOUND/i.test(text)) {
    return new AppError(
      'provider_unreachable',
      `The sign-in provider (${settings.issuer}) could not be reached within 10 seconds; check the network and try again.`,
    );
  }
  return new AppError('provider_error', `The sign-in with Google failed: ${text}`);
}

/** Google (or any OpenID provider) through discovery: the authorization server's metadata. */
export async function discover(settings: GoogleSettings): Promise<oauth.AuthorizationServer> {
  try {
    const issuer = new URL(settings.issuer);
    return await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { ...requestOptions(settings.issuer), algorithm: 'oidc' }),
    );
  } catch (error) {
    throw unreachable(settings, error);
  }
}

export async function oidcAuthorizeUrl(
  settings: GoogleSettings,
  redirectUri: string,
  state: string,
  nonce: string,
  codeVerifier: string,
): Promise<string> {
  const as = await discover(settings);
  return authorizeUrl(as.authorization_endpoint as string, {
    clientId: settings.clientId,
    redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    codeVerifier,
  });
}

/** Exchanges the code for tokens and validates the id_token against the provider's JWKS, nonce included. */
export async function oidcIdentity(
  settings: GoogleSettings,
  redirectUri: string,
  callback: URL,
  state: string,
  nonce: string,
  codeVerifier: string,
): Promise<Identity> {
  const error = callback.searchParams.get('error');
  if (error === 'access_denied')
    throw new AppError('access_denied', 'You declined the sign-in; nothing was changed.');
  if (error !== null) throw new AppError('provider_error', `The provider refused the sign-in (${error}).`);
  const as = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  let idToken: string | undefined;
  try {
    const response = await exchangeCode(as, settings, callback, state, redirectUri, codeVerifier);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: nonce,
      requireIdToken: true,
    });
    idToken = tokens.id_token;
  } catch (caught) {
    if (caught instanceof oauth.ResponseBodyError && caught.error === 'invalid_client') {
      throw new AppError(
        'bad_client_secret',
        'The provider refused the client ID or secret. Check them in Settings, under Sign-in (or MCP_OAUTH_GOOGLE_CLIENT_ID and MCP_OAUTH_GOOGLE_CLIENT_SECRET).',
      );
    }
    throw unreachable(settings, caught);
  }
  const jwks = createRemoteJWKSet(new URL(as.jwks_uri as string), { timeoutDuration: PROVIDER_TIMEOUT_MS });
  const { payload } = await jwtVerify(idToken ?? '', jwks, {
    issuer: as.issuer,
    audience: settings.clientId,
  }).catch((caught: unknown) => {
    throw new AppError(
      'invalid_id_token',
      `The provider's id_token did not verify (${(caught as Error).message}); nothing was stored.`,
    );
  });
  if (payload['nonce'] !== nonce)
    throw new AppError('invalid_id_token', 'The id_token carries the wrong nonce; nothing was stored.');
  const email =
    typeof payload['email'] === 'string' && payload['email_verified'] === true ? payload['email'] : null;
  const login = String(payload['preferred_username'] ?? email ?? payload.sub);
  return {
    subject: `google:${payload.sub}`,
    login,
    name: typeof payload['name'] === 'string' ? payload['name'] : null,
    email,
    avatarUrl: typeof payload['picture'] === 'string' ? payload['picture'] : null,
  };
}

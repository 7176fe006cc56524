import type { SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import { exchangeCode } from './code-flow.ts';
import { githubServer } from './github-sign-in.ts';
import type { OAuthConfig } from './sign-in-config.ts';
import { discover } from './oidc-sign-in.ts';

export interface ClientCheck {
  ok: boolean;
  message: string;
}

/** A code no provider ever issued: trading it fails, and how it fails says whether the client is known. */
const PROBE = 'mcp-tray-client-check';
const PROBE_VERIFIER = 'mcp-tray-client-check-verifier-not-a-real-one-0000';

/** The `error` the token endpoint answers to the probe (GitHub answers with HTTP 200 and {"error"}). */
async function probeError(
  as: Parameters<typeof exchangeCode>[0],
  client: { clientId: string; clientSecret: string },
  redirectUri: string,
  headers?: Headers,
): Promise<string> {
  const callback = new URL(redirectUri);
  // As a real callback would arrive (with `iss` for servers that announce it), so the probe reaches the token endpoint.
  callback.search = new URLSearchParams({ code: PROBE, state: PROBE, iss: as.issuer }).toString();
  const response = await exchangeCode(as, client, callback, PROBE, redirectUri, PROBE_VERIFIER, headers);
  const body = (await response.json().catch(() => ({}))) as { error?: unknown };
  return typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
}

/**
 * Whether the provider accepts the client ID and secret, asked at its token endpoint without anyone signing
 * in: a made-up code is refused as a bad code when the client is right, and as a bad client when it is not.
 */
export async function checkClient(provider: SignInProvider, config: OAuthConfig): Promise<ClientCheck> {
  const name = provider === 'github' ? 'GitHub' : 'Google';
  try {
    let error: string;
    if (provider === 'github') {
      const github = config.github;
      if (!github) return { ok: false, message: 'GitHub sign-in is not set up.' };
      error = await probeError(
        githubServer(github),
        github,
        config.redirectUri,
        new Headers({ accept: 'application/json' }),
      );
    } else {
      const google = config.google;
      if (!google) return { ok: false, message: 'Google sign-in is not set up.' };
      const as = await discover(google);
      error = await probeError(as, google, config.redirectUri);
    }
    if (error === 'bad_verification_code' || error === 'invalid_grant')
      return { ok: true, message: `${name} accepts this client ID and secret.` };
    if (
      error === 'incorrect_client_credentials' ||
      error === 'invalid_client' ||
      error === 'unauthorized_client'
    )
      return {
        ok: false,
        message: `${name} does not accept this client ID and secret; copy both again from its console.`,
      };
    if (error === 'redirect_uri_mismatch')
      return {
        ok: false,
        message: `${name} does not know the callback URL; register exactly ${config.redirectUri}.`,
      };
    return { ok: false, message: `${name} answered "${error}" to a test; try signing in to see more.` };
  } catch (caught) {
    return { ok: false, message: `${name} could not be asked: ${(caught as Error).message}` };
  }
}

import * as oauth from 'oauth4webapi';
import { AppError } from '../app-error.ts';
import { authorizeUrl, exchangeCode, PROVIDER_TIMEOUT_MS } from './code-flow.ts';
import type { Identity } from './identity.ts';
import type { GitHubSettings } from './sign-in-config.ts';

/** GitHub's OAuth endpoints (github.com or a GitHub Enterprise Server), which it does not publish by discovery. */
export function githubServer(settings: GitHubSettings): oauth.AuthorizationServer {
  return {
    issuer: settings.baseUrl,
    authorization_endpoint: `${settings.baseUrl}/login/oauth/authorize`,
    token_endpoint: `${settings.baseUrl}/login/oauth/access_token`,
  };
}

/** The URL to send the person to: GitHub's authorize page with state and PKCE (S256). */
export async function githubAuthorizeUrl(
  settings: GitHubSettings,
  redirectUri: string,
  state: string,
  codeVerifier: string,
): Promise<string> {
  return authorizeUrl(githubServer(settings).authorization_endpoint as string, {
    clientId: settings.clientId,
    redirectUri,
    scope: 'read:user user:email',
    state,
    codeVerifier,
  });
}

function providerError(code: string, description: string | undefined, redirectUri: string): AppError {
  if (code === 'access_denied')
    return new AppError('access_denied', 'You declined the sign-in at GitHub; nothing was changed.');
  if (code === 'redirect_uri_mismatch') {
    return new AppError(
      'redirect_uri_mismatch',
      `GitHub does not know this callback URL. Register exactly ${redirectUri} as the callback URL of your GitHub OAuth app.`,
    );
  }
  if (code === 'incorrect_client_credentials') {
    return new AppError(
      'bad_client_secret',
      'GitHub refused the client ID or secret. Check them in Settings, under Sign-in (or MCP_OAUTH_GITHUB_CLIENT_ID and MCP_OAUTH_GITHUB_CLIENT_SECRET).',
    );
  }
  if (code === 'bad_verification_code')
    return new AppError('bad_code', 'GitHub says this sign-in code is used or expired; start again.');
  return new AppError(
    'provider_error',
    `GitHub refused the sign-in (${code}${description ? `: ${description}` : ''}).`,
  );
}

/** Exchanges the code from the callback (checked against state and PKCE) for the person's identity. */
export async function githubIdentity(
  settings: GitHubSettings,
  redirectUri: string,
  callback: URL,
  state: string,
  codeVerifier: string,
): Promise<Identity> {
  const as = githubServer(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const error = callback.searchParams.get('error');
  if (error !== null)
    throw providerError(error, callback.searchParams.get('error_description') ?? undefined, redirectUri);
  try {
    const response = await exchangeCode(
      as,
      settings,
      callback,
      state,
      redirectUri,
      codeVerifier,
      new Headers({ accept: 'application/json' }),
    );
    // GitHub answers token errors with HTTP 200 and {"error": ...}.
    const body = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { error?: string; error_description?: string };
    if (body.error !== undefined) throw providerError(body.error, body.error_description, redirectUri);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    const get = async (path: string) => {
      const res = await fetch(`${settings.apiUrl}${path}`, {
        headers: {
          authorization: `Bearer ${tokens.access_token}`,
          accept: 'application/vnd.github+json',
          'user-agent': 'MCP Tray',
        },
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
      if (!res.ok) throw new AppError('provider_error', `GitHub's API answered ${res.status} for ${path}.`);
      return res.json() as Promise<unknown>;
    };
    const user = (await get('/user')) as {
      id: number;
      login: string;
      name?: string | null;
      avatar_url?: string | null;
    };
    const emails = (await get('/user/emails').catch(() => [])) as {
      email: string;
      primary: boolean;
      verified: boolean;
    }[];
    const primary = emails.find((e) => e.primary && e.verified)?.email ?? null;
    return {
      subject: `github:${user.id}`,
      login: user.login,
      name: user.name ?? null,
      email: primary,
      avatarUrl: user.avatar_url ?? null,
    };
  } catch (caught) {
    if (caught instanceof AppError) throw caught;
    const text = caught instanceof Error ? caught.message : String(caught);
    if (/timeout|abort|ECONNREFUSED|fetch failed|ENOTFOUND/i.test(text)) {
      throw new AppError(
        'provider_unreachable',
        `GitHub (${settings.baseUrl}) could not be reached within 10 seconds; check the network and try again.`,
      );
    }
    throw new AppError('provider_error', `The sign-in with GitHub failed: ${text}`);
  }
}

import { AppError } from '../app-error.ts';

export interface GitHubSettings {
  clientId: string;
  clientSecret: string;
  /** https://github.com, or a GitHub Enterprise Server (and, in tests, a local provider). */
  baseUrl: string;
  apiUrl: string;
}

export interface GoogleSettings {
  clientId: string;
  clientSecret: string;
  /** The OpenID issuer: https://accounts.google.com (in tests, a local OpenID provider). */
  issuer: string;
}

export interface OAuthConfig {
  enabled: boolean;
  redirectUri: string;
  github?: GitHubSettings;
  google?: GoogleSettings;
}

export const DEFAULT_REDIRECT_URI = 'http://localhost:3210/auth/oauth/callback';

function url(value: string, name: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return value.replace(/\/$/, '');
  } catch {
    // fall through
  }
  throw new AppError('invalid_oauth_setting', `${name} must be an http(s) URL, not "${value}".`, {
    exitCode: 2,
  });
}

/** MCP_OAUTH_<PROVIDER>_CLIENT_ID and _SECRET: both or neither (half an app is refused when sign-in is on). */
function clientCredentials(
  env: NodeJS.ProcessEnv,
  enabled: boolean,
  provider: 'GITHUB' | 'GOOGLE',
  what: string,
  source: string,
): { clientId: string; clientSecret: string } | undefined {
  const idName = `MCP_OAUTH_${provider}_CLIENT_ID`;
  const secretName = `MCP_OAUTH_${provider}_CLIENT_SECRET`;
  const clientId = env[idName] ?? '';
  const clientSecret = env[secretName] ?? '';
  if (enabled && (clientId === '') !== (clientSecret === '')) {
    throw new AppError(
      'invalid_oauth_setting',
      `${what} needs both ${idName} and ${secretName} (from ${source}).`,
      {
        exitCode: 2,
      },
    );
  }
  return clientId === '' ? undefined : { clientId, clientSecret };
}

/** The seed's OAuth variables (MCP_OAUTH_*). Secrets are read here and never logged. */
export function oauthConfigFromEnv(env: NodeJS.ProcessEnv): OAuthConfig {
  const enabled = /^(1|true|yes|on)$/i.test(env['MCP_OAUTH_ENABLED'] ?? '');
  const redirectUri = url(env['MCP_OAUTH_REDIRECT_URI'] || DEFAULT_REDIRECT_URI, 'MCP_OAUTH_REDIRECT_URI');
  const githubClient = clientCredentials(env, enabled, 'GITHUB', 'GitHub sign-in', 'your GitHub OAuth app');
  const github = githubClient && {
    ...githubClient,
    baseUrl: url(env['MCP_OAUTH_GITHUB_BASE_URL'] || 'https://github.com', 'MCP_OAUTH_GITHUB_BASE_URL'),
    apiUrl: url(env['MCP_OAUTH_GITHUB_API_URL'] || 'https://api.github.com', 'MCP_OAUTH_GITHUB_API_URL'),
  };
  const googleClient = clientCredentials(
    env,
    enabled,
    'GOOGLE',
    'Google sign-in',
    'your Google OAuth client',
  );
  const google = googleClient && {
    ...googleClient,
    issuer: url(env['MCP_OAUTH_GOOGLE_ISSUER'] || 'https://accounts.google.com', 'MCP_OAUTH_GOOGLE_ISSUER'),
  };
  return { enabled, redirectUri, ...(github && { github }), ...(google && { google }) };
}

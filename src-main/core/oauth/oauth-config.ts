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

/** The seed's OAuth variables (MCP_OAUTH_*). Secrets are read here and never logged. */
export function oauthConfigFromEnv(env: NodeJS.ProcessEnv): OAuthConfig {
  const enabled = /^(1|true|yes|on)$/i.test(env['MCP_OAUTH_ENABLED'] ?? '');
  const redirectUri = url(env['MCP_OAUTH_REDIRECT_URI'] || DEFAULT_REDIRECT_URI, 'MCP_OAUTH_REDIRECT_URI');
  const clientId = env['MCP_OAUTH_GITHUB_CLIENT_ID'] ?? '';
  const clientSecret = env['MCP_OAUTH_GITHUB_CLIENT_SECRET'] ?? '';
  if (enabled && (clientId === '') !== (clientSecret === '')) {
    throw new AppError(
      'invalid_oauth_setting',
      'GitHub sign-in needs both MCP_OAUTH_GITHUB_CLIENT_ID and MCP_OAUTH_GITHUB_CLIENT_SECRET (from your GitHub OAuth app).',
      { exitCode: 2 },
    );
  }
  const github =
    clientId === ''
      ? undefined
      : {
          clientId,
          clientSecret,
          baseUrl: url(env['MCP_OAUTH_GITHUB_BASE_URL'] || 'https://github.com', 'MCP_OAUTH_GITHUB_BASE_URL'),
          apiUrl: url(
            env['MCP_OAUTH_GITHUB_API_URL'] || 'https://api.github.com',
            'MCP_OAUTH_GITHUB_API_URL',
          ),
        };
  const googleId = env['MCP_OAUTH_GOOGLE_CLIENT_ID'] ?? '';
  const googleSecret = env['MCP_OAUTH_GOOGLE_CLIENT_SECRET'] ?? '';
  if (enabled && (googleId === '') !== (googleSecret === '')) {
    throw new AppError(
      'invalid_oauth_setting',
      'Google sign-in needs both MCP_OAUTH_GOOGLE_CLIENT_ID and MCP_OAUTH_GOOGLE_CLIENT_SECRET (from your Google OAuth client).',
      { exitCode: 2 },
    );
  }
  const google =
    googleId === ''
      ? undefined
      : {
          clientId: googleId,
          clientSecret: googleSecret,
          issuer: url(
            env['MCP_OAUTH_GOOGLE_ISSUER'] || 'https://accounts.google.com',
            'MCP_OAUTH_GOOGLE_ISSUER',
          ),
        };
  return { enabled, redirectUri, ...(github && { github }), ...(google && { google }) };
}

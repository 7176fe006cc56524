import { InputError } from '../app-error.ts';

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

/** What sign-in uses at the moment of a request: the environment over Settings (see sign-in-settings.ts). */
export interface OAuthConfig {
  enabled: boolean;
  redirectUri: string;
  github?: GitHubSettings;
  google?: GoogleSettings;
}

/** What the MCP_OAUTH_* variables set; anything absent falls back to Settings, then the defaults. */
export interface OAuthEnvironment {
  enabled?: boolean;
  redirectUri?: string;
  github?: GitHubSettings;
  google?: GoogleSettings;
}

export const GITHUB_DEFAULT_BASE_URL = 'https://github.com';
export const GOOGLE_DEFAULT_ISSUER = 'https://accounts.google.com';

/** The callback URL a provider must have registered: on `localhost` (what GitHub and Google accept) at our port. */
export function defaultRedirectUri(port: number): string {
  return `http://localhost:${port}/auth/oauth/callback`;
}

/** An http(s) URL without its trailing slash, or an error that names the setting. */
export function httpUrl(value: string, name: string): string {
  try {
    const parsed = new URL(value.trim());
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href.replace(/\/$/, '');
  } catch {
    // fall through
  }
  throw new InputError('invalid_oauth_setting', `${name} must be an http(s) URL, not "${value}".`, {
    field: name,
  });
}

/** GitHub's API beside its web URL: api.github.com for github.com, `<base>/api/v3` for GitHub Enterprise Server. */
export function githubApiUrl(baseUrl: string, apiUrl: string | undefined, name: string): string {
  if (apiUrl !== undefined && apiUrl !== '') return httpUrl(apiUrl, name);
  return baseUrl === GITHUB_DEFAULT_BASE_URL ? 'https://api.github.com' : `${baseUrl}/api/v3`;
}

/** MCP_OAUTH_<PROVIDER>_CLIENT_ID and _SECRET: both or neither. */
function clientCredentials(
  env: NodeJS.ProcessEnv,
  provider: 'GITHUB' | 'GOOGLE',
  what: string,
  source: string,
): { clientId: string; clientSecret: string } | undefined {
  const idName = `MCP_OAUTH_${provider}_CLIENT_ID`;
  const secretName = `MCP_OAUTH_${provider}_CLIENT_SECRET`;
  const clientId = env[idName] ?? '';
  const clientSecret = env[secretName] ?? '';
  if ((clientId === '') !== (clientSecret === '')) {
    throw new InputError(
      'invalid_oauth_setting',
      `${what} needs both ${idName} and ${secretName} (from ${source}).`,
      { field: clientId === '' ? idName : secretName },
    );
  }
  return clientId === '' ? undefined : { clientId, clientSecret };
}

function parseEnabled(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new InputError('invalid_oauth_setting', `MCP_OAUTH_ENABLED must be true or false, not "${value}".`, {
    field: 'MCP_OAUTH_ENABLED',
  });
}

/** The seed's OAuth variables (MCP_OAUTH_*). Secrets are read here and never logged. */
export function oauthConfigFromEnv(env: NodeJS.ProcessEnv): OAuthEnvironment {
  const enabled = parseEnabled(env['MCP_OAUTH_ENABLED']);
  const redirect = env['MCP_OAUTH_REDIRECT_URI'];
  const githubClient = clientCredentials(env, 'GITHUB', 'GitHub sign-in', 'your GitHub OAuth app');
  const baseUrl = httpUrl(
    env['MCP_OAUTH_GITHUB_BASE_URL'] || GITHUB_DEFAULT_BASE_URL,
    'MCP_OAUTH_GITHUB_BASE_URL',
  );
  const github = githubClient && {
    ...githubClient,
    baseUrl,
    apiUrl: githubApiUrl(baseUrl, env['MCP_OAUTH_GITHUB_API_URL'], 'MCP_OAUTH_GITHUB_API_URL'),
  };
  const googleClient = clientCredentials(env, 'GOOGLE', 'Google sign-in', 'your Google OAuth client');
  const google = googleClient && {
    ...googleClient,
    issuer: httpUrl(env['MCP_OAUTH_GOOGLE_ISSUER'] || GOOGLE_DEFAULT_ISSUER, 'MCP_OAUTH_GOOGLE_ISSUER'),
  };
  return {
    ...(enabled !== undefined && { enabled }),
    // Checked, but kept exactly as given: it must match the registered URL character for character.
    ...(redirect !== undefined &&
      redirect.trim() !== '' &&
      httpUrl(redirect, 'MCP_OAUTH_REDIRECT_URI') !== '' && { redirectUri: redirect.trim() }),
    ...(github && { github }),
    ...(google && { google }),
  };
}

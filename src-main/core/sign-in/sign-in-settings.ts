import type {
  InvokeInput,
  SignInProvider,
  SignInProviderView,
} from '../../../src-shared/dashboard-contract.ts';
import { AppError, InputError } from '../app-error.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Settings, SettingsFile } from '../settings/settings-file.ts';
import {
  defaultRedirectUri,
  GITHUB_DEFAULT_BASE_URL,
  githubApiUrl,
  GOOGLE_DEFAULT_ISSUER,
  httpUrl,
  type OAuthConfig,
  type OAuthEnvironment,
} from './sign-in-config.ts';
import { PROVIDER_NAME, SIGN_IN_PROVIDERS } from '../../../src-shared/sign-in-providers.ts';

/** The secret-store accounts of the OAuth client secrets set in Settings (never written to settings.json). */
export const CLIENT_SECRET_ACCOUNT: Record<SignInProvider, string> = {
  github: 'oauth-github-client-secret',
  google: 'oauth-google-client-secret',
};

const ENV_ID: Record<SignInProvider, string> = {
  github: 'MCP_OAUTH_GITHUB_CLIENT_ID',
  google: 'MCP_OAUTH_GOOGLE_CLIENT_ID',
};
type SavedOAuth = NonNullable<Settings['oauth']>;

export interface OAuthSettingsDeps {
  env: OAuthEnvironment;
  file: SettingsFile;
  secrets: SecretStore;
  /** The port the server listens on (the default callback URL names it). */
  port: () => number;
}

export interface SignInSetup {
  enabled: boolean;
  enabledFromEnvironment: boolean;
  callbackUrl: string;
  github: SignInProviderView;
  google: SignInProviderView;
}

/**
 * Sign-in's settings: the MCP_OAUTH_* variables win; the rest comes from Settings, whose client IDs and URLs
 * live in settings.json and whose client secrets live in the secret store (the OS keychain).
 */
export class OAuthSettings {
  private readonly deps: OAuthSettingsDeps;

  constructor(deps: OAuthSettingsDeps) {
    this.deps = deps;
  }

  private async saved(): Promise<SavedOAuth> {
    return (await this.deps.file.read()).settings.oauth ?? {};
  }

  private redirectUri(): string {
    return this.deps.env.redirectUri ?? defaultRedirectUri(this.deps.port());
  }

  /** Everything a sign-in needs now, secrets included (read from the secret store each time). */
  async config(): Promise<OAuthConfig> {
    const { env, secrets } = this.deps;
    const saved = await this.saved();
    const secret = async (provider: SignInProvider) => {
      if (saved[provider] === undefined) return undefined;
      return secrets.get(CLIENT_SECRET_ACCOUNT[provider]);
    };
    const githubSecret = env.github ? undefined : await secret('github');
    const googleSecret = env.google ? undefined : await secret('google');
    const baseUrl = saved.github?.baseUrl ?? GITHUB_DEFAULT_BASE_URL;
    const github =
      env.github ??
      (saved.github && githubSecret !== undefined
        ? {
            clientId: saved.github.clientId,
            clientSecret: githubSecret,
            baseUrl,
            apiUrl: githubApiUrl(baseUrl, saved.github.apiUrl, 'The GitHub API URL'),
          }
        : undefined);
    const google =
      env.google ??
      (saved.google && googleSecret !== undefined
        ? {
            clientId: saved.google.clientId,
            clientSecret: googleSecret,
            issuer: saved.google.issuer ?? GOOGLE_DEFAULT_ISSUER,
          }
        : undefined);
    return {
      enabled: env.enabled ?? saved.enabled ?? false,
      redirectUri: this.redirectUri(),
      ...(github && { github }),
      ...(google && { google }),
    };
  }

  /** What Settings shows: no secret, only whether one is saved. */
  async setup(): Promise<SignInSetup> {
    const { env } = this.deps;
    const saved = await this.saved();
    const stored = async (provider: SignInProvider) =>
      (await this.deps.secrets.get(CLIENT_SECRET_ACCOUNT[provider]).catch(() => undefined)) !== undefined;
    const githubBase = env.github?.baseUrl ?? saved.github?.baseUrl ?? GITHUB_DEFAULT_BASE_URL;
    return {
      enabled: env.enabled ?? saved.enabled ?? false,
      enabledFromEnvironment: env.enabled !== undefined,
      callbackUrl: this.redirectUri(),
      github: {
        clientId: env.github?.clientId ?? saved.github?.clientId ?? null,
        secretSaved: env.github !== undefined || (await stored('github')),
        fromEnvironment: env.github !== undefined,
        serverUrl: githubBase,
        apiUrl: env.github?.apiUrl ?? githubApiUrl(githubBase, saved.github?.apiUrl, 'The GitHub API URL'),
      },
      google: {
        clientId: env.google?.clientId ?? saved.google?.clientId ?? null,
        secretSaved: env.google !== undefined || (await stored('google')),
        fromEnvironment: env.google !== undefined,
        serverUrl: env.google?.issuer ?? saved.google?.issuer ?? GOOGLE_DEFAULT_ISSUER,
      },
    };
  }

  /** Saves what Settings changed: the secret to the secret store first, then the rest to settings.json. */
  async update(changes: InvokeInput<'signIn.update'>): Promise<void> {
    const { env, secrets, file } = this.deps;
    if (changes.enabled !== undefined && env.enabled !== undefined)
      throw new AppError(
        'set_by_environment',
        'MCP_OAUTH_ENABLED decides whether sign-in is on; change that variable to change it.',
      );
    const saved = await this.saved();
    const next: SavedOAuth = { ...saved };
    for (const provider of SIGN_IN_PROVIDERS) {
      const change = changes[provider];
      if (change === undefined) continue;
      if (env[provider] !== undefined)
        throw new AppError(
          'set_by_environment',
          `${PROVIDER_NAME[provider]} sign-in is set by ${ENV_ID[provider]}; change the environment variables to change it.`,
        );
      if (change === null) {
        delete next[provider];
        await secrets.delete(CLIENT_SECRET_ACCOUNT[provider]);
        continue;
      }
      const hasSecret = (await secrets.get(CLIENT_SECRET_ACCOUNT[provider])) !== undefined;
      if (change.clientSecret === undefined && !hasSecret)
        throw new InputError(
          'client_secret_missing',
          `Paste the ${PROVIDER_NAME[provider]} client secret too (it goes to ${secrets.label}).`,
          { field: 'clientSecret' },
        );
      if (provider === 'github' && 'baseUrl' in change) {
        const baseUrl = change.baseUrl ? httpUrl(change.baseUrl, 'The GitHub URL') : undefined;
        const apiUrl = change.apiUrl ? httpUrl(change.apiUrl, 'The GitHub API URL') : undefined;
        next.github = {
          clientId: change.clientId,
          ...(baseUrl !== undefined && baseUrl !== GITHUB_DEFAULT_BASE_URL && { baseUrl }),
          ...(apiUrl !== undefined && { apiUrl }),
        };
      } else if (provider === 'google' && 'issuer' in change) {
        const issuer = change.issuer ? httpUrl(change.issuer, 'The Google issuer URL') : undefined;
        next.google = {
          clientId: change.clientId,
          ...(issuer !== undefined && issuer !== GOOGLE_DEFAULT_ISSUER && { issuer }),
        };
      } else {
        next[provider] = { ...saved[provider], clientId: change.clientId };
      }
      if (change.clientSecret !== undefined)
        await secrets.set(CLIENT_SECRET_ACCOUNT[provider], change.clientSecret);
      // Setting up the first provider turns sign-in on, unless it was turned off on purpose.
      if (saved.enabled === undefined) next.enabled = true;
    }
    if (changes.enabled !== undefined) next.enabled = changes.enabled;
    await file.update({ oauth: next });
  }
}

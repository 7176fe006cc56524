/** What the dashboard shows of sign-in: its providers, its owners (the dashboard contract's views). */

export type SignInProvider = 'github' | 'google';

export interface SignInProviderView {
  /** Null when this provider is not set up. */
  clientId: string | null;
  /** The client secret is in the secret store (it is never sent to the dashboard). */
  secretSaved: boolean;
  /** Set by MCP_OAUTH_* variables: shown, not changed here. */
  fromEnvironment: boolean;
  /** GitHub's web URL (GitHub Enterprise Server too) or Google's OpenID issuer. */
  serverUrl: string;
  /** GitHub's API URL. */
  apiUrl?: string;
}

export interface OwnerView {
  /** What owners.remove takes. */
  id: string;
  provider: SignInProvider;
  /** A GitHub login, or a Google email or name. */
  login: string;
  /** False for someone added in Settings who has not signed in yet. */
  signedInBefore: boolean;
  addedAt: string;
}

export interface SignInSettingsView {
  enabled: boolean;
  enabledFromEnvironment: boolean;
  /** The exact URL to register at GitHub and Google as the callback (redirect) URL. */
  callbackUrl: string;
  github: SignInProviderView;
  google: SignInProviderView;
  /** Who may sign in to the dashboard: the first account to sign in, and those added here. */
  owners: OwnerView[];
  /** Where client secrets are kept, in words. */
  secretsIn: string;
}

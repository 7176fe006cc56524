import * as oauth from 'oauth4webapi';
import type { SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import { githubAuthorizeUrl, githubIdentity } from './github-sign-in.ts';
import type { Identity } from './identity.ts';
import { oidcAuthorizeUrl, oidcIdentity } from './oidc-sign-in.ts';
import type { PendingSignIns } from './pending-sign-ins.ts';
import type { OAuthConfig } from './sign-in-config.ts';

/** One sign-in in progress, as the callback finds it again by its state. */
export interface StartedSignIn {
  codeVerifier: string;
  nonce?: string;
}

/** How each provider signs someone in: where to send them, and who they are once they come back. */
export interface ProviderFlow {
  /** Whether the provider is set up and turned on in these settings. */
  ready(config: OAuthConfig): boolean;
  /** The authorize URL, with a single-use state and PKCE (and, for OpenID, a nonce) remembered in `pending`. */
  authorizeUrl(config: OAuthConfig, pending: PendingSignIns): Promise<string>;
  identity(config: OAuthConfig, callback: URL, state: string, signIn: StartedSignIn): Promise<Identity>;
}

/** The one table of sign-in providers: GitHub through OAuth, Google through OpenID Connect. */
export const PROVIDER_FLOWS: Record<SignInProvider, ProviderFlow> = {
  github: {
    ready: (config) => config.enabled && config.github !== undefined,
    authorizeUrl: (config, pending) => {
      const verifier = oauth.generateRandomCodeVerifier();
      const state = pending.begin('github', verifier);
      return githubAuthorizeUrl(needs(config.github), config.redirectUri, state, verifier);
    },
    identity: (config, callback, state, signIn) =>
      githubIdentity(needs(config.github), config.redirectUri, callback, state, signIn.codeVerifier),
  },
  google: {
    ready: (config) => config.enabled && config.google !== undefined,
    authorizeUrl: (config, pending) => {
      const verifier = oauth.generateRandomCodeVerifier();
      const nonce = oauth.generateRandomNonce();
      const state = pending.begin('google', verifier, nonce);
      return oidcAuthorizeUrl(needs(config.google), config.redirectUri, state, nonce, verifier);
    },
    identity: (config, callback, state, signIn) =>
      oidcIdentity(
        needs(config.google),
        config.redirectUri,
        callback,
        state,
        signIn.nonce ?? '',
        signIn.codeVerifier,
      ),
  },
};

function needs<T>(settings: T | undefined): T {
  if (settings === undefined) throw new Error('a sign-in flow ran for a provider that is not set up');
  return settings;
}

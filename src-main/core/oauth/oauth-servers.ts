import type { CryptoKey } from 'jose';
import { createHash } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { SecretStore } from '../keys/secret-store.ts';
import { loadSigningKeyPair, type SigningKeyPair } from '../keys/signing-key-pair.ts';
import type { Logger } from '../logger.ts';
import { OAuthStore } from './oauth-store.ts';
import { routeProviderNotices } from './provider-notices.ts';

/** The secret-store account of the access tokens' signing key (not an API key). */
export const OAUTH_KEY_ACCOUNT = 'oauth-signing-key';
/** Issuers kept at once: the public URL, and loopback names with "OAuth for local clients". */
const MAX_ISSUERS = 4;

/**
 * The authorization server of each issuer MCP Tray answers as (a tunnel's new URL is a new issuer), all
 * sharing one store and one signing key kept in the secret store. The key is loaded in the background: a
 * slow keychain holds up the first OAuth request (2 s at most), never the server's start.
 */
export class OAuthServers {
  readonly store: OAuthStore;
  private readonly pair: Promise<SigningKeyPair>;
  private readonly providers = new Map<string, Promise<Provider>>();

  private constructor(store: OAuthStore, pair: Promise<SigningKeyPair>) {
    this.store = store;
    this.pair = pair;
  }

  static async open(deps: {
    dataDir: string;
    secrets: SecretStore;
    logger: Logger;
    now: () => number;
  }): Promise<OAuthServers> {
    routeProviderNotices(deps.logger);
    const store = await OAuthStore.open(deps.dataDir, deps.now, (message) => deps.logger.warn(message));
    const pair = loadSigningKeyPair(deps.secrets, OAUTH_KEY_ACCOUNT, {
      waitMs: 2_000,
      onEphemeral: (reason) =>
        deps.logger.warn(`Connected apps will have to connect again after this run: ${reason}.`),
    });
    return new OAuthServers(store, pair);
  }

  /** The key access tokens are checked with. */
  async publicKey(): Promise<CryptoKey> {
    return (await this.pair).publicKey;
  }

  /** The authorization server of `issuer`, made at first use. */
  providerFor(issuer: string): Promise<Provider> {
    let provider = this.providers.get(issuer);
    if (provider === undefined) {
      // oidc-provider (and Koa under it) is loaded with the first OAuth request, not at start-up.
      provider = Promise.all([this.pair, import('./authorization-server.ts')]).then(
        ([pair, { createAuthorizationServer }]) =>
          createAuthorizationServer({
            issuer,
            store: this.store,
            signingJwk: pair.privateJwk,
            cookieKeys: [
              createHash('sha256')
                .update(`mcp-tray oauth cookies ${String(pair.privateJwk.d)}`)
                .digest('base64url'),
            ],
          }),
      );
      if (this.providers.size >= MAX_ISSUERS) {
        const oldest = this.providers.keys().next().value;
        if (oldest !== undefined) this.providers.delete(oldest);
      }
      this.providers.set(issuer, provider);
    }
    return provider;
  }
}

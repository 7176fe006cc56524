import type { Caller } from '../../../src-shared/caller.ts';
import type { RateLimit } from '../keys/quantity-parsers.ts';

/** What a presented secret turned out to be. */
export interface KeyMatch {
  caller: Caller;
  /** When the key expires (ms since epoch); past it the key gets 401 key_expired. */
  expiresAt?: number;
  /** For an old secret in its grace period after a rotation: when it stops working. */
  validUntil?: number;
  /** The key's own rate limit, if it has one. */
  rateLimit?: RateLimit;
}

/** Looks keys up by digest; never holds a secret. */
export interface KeyRegistry {
  lookup(secret: string): KeyMatch | undefined;
  /** The key with this id, while it can be used (what an OAuth grant approved with it rests on). */
  findById(keyId: string): KeyMatch | undefined;
  /** Keys that can currently be used. */
  readonly size: number;
}

/** Several registries as one, asked in order (environment keys first, then stored keys). */
export function combinedRegistry(registries: readonly KeyRegistry[]): KeyRegistry {
  return {
    lookup(secret) {
      for (const registry of registries) {
        const match = registry.lookup(secret);
        if (match !== undefined) return match;
      }
      return undefined;
    },
    findById(keyId) {
      for (const registry of registries) {
        const match = registry.findById(keyId);
        if (match !== undefined) return match;
      }
      return undefined;
    },
    get size() {
      return registries.reduce((total, registry) => total + registry.size, 0);
    },
  };
}

import { randomBytes } from 'node:crypto';

export const SIGN_IN_TTL_MS = 10 * 60_000;

interface Pending {
  provider: string;
  codeVerifier: string;
  /** OpenID Connect: the nonce the id_token must carry. */
  nonce?: string;
  expiresAt: number;
}

/** Sign-ins under way, by their random `state`: each may come back once, within 10 minutes. */
export class PendingSignIns {
  private readonly pending = new Map<string, Pending>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  begin(provider: string, codeVerifier: string, nonce?: string): string {
    const state = randomBytes(32).toString('base64url');
    for (const [key, entry] of this.pending) if (entry.expiresAt <= this.now()) this.pending.delete(key);
    this.pending.set(state, {
      provider,
      codeVerifier,
      ...(nonce && { nonce }),
      expiresAt: this.now() + SIGN_IN_TTL_MS,
    });
    return state;
  }

  /** The sign-in `state` belongs to, used up; undefined when missing, unknown, reused or expired. */
  take(state: string | undefined): Pending | undefined {
    if (state === undefined) return undefined;
    const entry = this.pending.get(state);
    this.pending.delete(state);
    return entry !== undefined && entry.expiresAt > this.now() ? entry : undefined;
  }
}

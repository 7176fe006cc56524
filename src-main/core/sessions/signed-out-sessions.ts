import { join } from 'node:path';
import type { JWTPayload } from 'jose';
import { z } from 'zod';
import { JsonStateFile } from '../fs/json-state-file.ts';

const SignedOutSchema = z.object({
  /** Sessions ended one by one (a browser's Sign out): token id to its expiry, in seconds. */
  tokens: z.record(z.string(), z.number()),
  /** Everyone's sessions of a subject issued before this time (ms) ended: sign out everywhere, owner removed. */
  subjects: z.record(z.string(), z.number()),
});

/**
 * Dashboard sessions are JWTs, valid until they expire by themselves; this list ends them sooner
 * (`<data-dir>/signed-out.json`). Held in memory for the checks each request makes; entries for tokens
 * that have expired anyway are dropped when it is next written.
 */
export class SignedOutSessions {
  private readonly file: JsonStateFile<typeof SignedOutSchema>;
  private readonly now: () => number;
  private state: z.infer<typeof SignedOutSchema> = { tokens: {}, subjects: {} };

  private constructor(dataDir: string, now: () => number, warn?: (message: string) => void) {
    this.now = now;
    this.file = new JsonStateFile({
      path: join(dataDir, 'signed-out.json'),
      schema: SignedOutSchema,
      fallback: () => ({ tokens: {}, subjects: {} }),
      now,
      ...(warn && { warn }),
    });
  }

  static async load(dataDir: string, now: () => number, warn?: (message: string) => void) {
    const list = new SignedOutSessions(dataDir, now, warn);
    list.state = await list.file.read();
    return list;
  }

  /** Whether a session (already checked for signature, issuer, audience and expiry) was ended. */
  ended(claims: JWTPayload): boolean {
    if (claims.jti !== undefined && this.state.tokens[claims.jti] !== undefined) return true;
    const since = claims.sub === undefined ? undefined : this.state.subjects[claims.sub];
    const issuedMs = typeof claims['iat_ms'] === 'number' ? claims['iat_ms'] : (claims.iat ?? 0) * 1000;
    return since !== undefined && issuedMs <= since;
  }

  /** Ends one session (this browser's). */
  async endSession(claims: JWTPayload): Promise<void> {
    if (claims.jti === undefined) return this.endEverywhere(claims.sub ?? '');
    const { jti, exp } = claims;
    await this.write((state) => (state.tokens[jti] = exp ?? Math.ceil(this.now() / 1000)));
  }

  /** Ends every session `subject` holds now, in every browser. */
  async endEverywhere(subject: string): Promise<void> {
    await this.write((state) => (state.subjects[subject] = this.now()));
    // A session issued from here on must be later than the cut-off (it is compared in milliseconds).
    await new Promise((resolve) => setTimeout(resolve, 2));
  }

  private async write(change: (state: z.infer<typeof SignedOutSchema>) => void): Promise<void> {
    this.state = await this.file.change((state) => {
      change(state);
      const nowSeconds = this.now() / 1000;
      for (const [jti, exp] of Object.entries(state.tokens)) if (exp < nowSeconds) delete state.tokens[jti];
      // After a session's lifetime, no token issued before the cut-off can still be valid.
      const oldest = this.now() - 24 * 3600 * 1000;
      for (const [sub, at] of Object.entries(state.subjects)) if (at < oldest) delete state.subjects[sub];
      return state;
    });
  }
}

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { secretDigest } from '../secret-digest.ts';
import { z } from 'zod';
import { JsonStateFile } from '../fs/json-state-file.ts';
import { dataFolderId } from './dashboard-link.ts';

export const LOGIN_TOKEN_TTL_MS = 10 * 60_000;
const FILE = 'login-tokens.json';

/** What a sign-in link turned out to be: good, used or too old, or made for another data folder's server. */
export type TokenOutcome = 'ok' | 'expired' | 'elsewhere';

const PendingSchema = z.array(z.object({ digest: z.string(), expiresAt: z.number() }));
type Pending = z.infer<typeof PendingSchema>[number];

/**
 * One-time dashboard sign-in tokens, shared through the data folder so `mcp-tray dashboard` can make one for
 * a server that is already running (as Jupyter does). Only digests are stored; a token works once, for
 * 10 minutes.
 */
export class LoginTokens {
  private readonly file: JsonStateFile<typeof PendingSchema>;
  private readonly now: () => number;
  private readonly folder: string;

  constructor(dataDir: string, now: () => number = Date.now) {
    this.file = new JsonStateFile({
      path: join(dataDir, FILE),
      schema: PendingSchema,
      fallback: () => [],
      now,
    });
    this.now = now;
    this.folder = dataFolderId(dataDir);
  }

  /** A token that starts with its data folder's id, so a server keeping another folder can say so. */
  async issue(): Promise<string> {
    const token = `${this.folder}.${randomBytes(32).toString('base64url')}`;
    await this.change((pending) => [
      ...pending,
      { digest: secretDigest(token), expiresAt: this.now() + LOGIN_TOKEN_TTL_MS },
    ]);
    return token;
  }

  /** 'ok' once per issued token, within its 10 minutes. */
  async consume(token: string): Promise<TokenOutcome> {
    const folder = token.includes('.') ? token.split('.', 1)[0] : undefined;
    if (folder !== undefined && folder !== this.folder) return 'elsewhere';
    const digest = secretDigest(token);
    let valid = false;
    await this.change((pending) =>
      pending.filter((entry) => {
        if (entry.digest !== digest) return true;
        valid = entry.expiresAt > this.now();
        return false;
      }),
    );
    return valid ? 'ok' : 'expired';
  }

  private async change(edit: (pending: Pending[]) => Pending[]): Promise<void> {
    await this.file.change((pending) => {
      const live = edit(pending.filter((entry) => entry.expiresAt > this.now()));
      pending.splice(0, pending.length, ...live);
    });
  }
}

export function loginUrl(origin: string, token: string): string {
  return `${origin}/login?token=${token}`;
}

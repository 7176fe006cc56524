import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { secretDigest } from '../secret-digest.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { withFileLock } from '../fs/file-lock.ts';
import { dataFolderId } from './dashboard-link.ts';

export const LOGIN_TOKEN_TTL_MS = 10 * 60_000;
const FILE = 'login-tokens.json';

/** What a sign-in link turned out to be: good, used or too old, or made for another data folder's server. */
export type TokenOutcome = 'ok' | 'expired' | 'elsewhere';

interface Pending {
  digest: string;
  expiresAt: number;
}

/**
 * One-time dashboard sign-in tokens, shared through the data folder so `mcp-tray dashboard` can make one for
 * a server that is already running (as Jupyter does). Only digests are stored; a token works once, for
 * 10 minutes.
 */
export class LoginTokens {
  private readonly path: string;
  private readonly now: () => number;
  private readonly folder: string;

  constructor(dataDir: string, now: () => number = Date.now) {
    this.path = join(dataDir, FILE);
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
    await withFileLock(this.path, async () => {
      const live = (await this.read()).filter((entry) => entry.expiresAt > this.now());
      await writeFileAtomic(this.path, `${JSON.stringify(edit(live))}\n`, 0o600);
    });
  }

  private async read(): Promise<Pending[]> {
    try {
      const parsed = JSON.parse(await readFile(this.path, 'utf8')) as unknown;
      return Array.isArray(parsed) ? (parsed as Pending[]).filter((e) => typeof e?.digest === 'string') : [];
    } catch {
      return [];
    }
  }
}

export function loginUrl(origin: string, token: string): string {
  return `${origin}/login?token=${token}`;
}

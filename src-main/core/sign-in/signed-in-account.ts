import { join } from 'node:path';
import { z } from 'zod';
import { JsonStateFile } from '../fs/json-state-file.ts';
import type { Identity } from './identity.ts';

const AccountSchema = z.object({
  account: z
    .object({
      subject: z.string(),
      login: z.string(),
      name: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      signedInAt: z.string(),
    })
    .nullable(),
});
export type SignedInAccountRecord = NonNullable<z.infer<typeof AccountSchema>['account']>;

/**
 * Who the desktop app shows as signed in (`<data-dir>/account.json`): the last person to finish signing in
 * with GitHub or Google, until they sign out. Names and avatars only; sessions are the JWT cookies.
 */
export class SignedInAccount {
  private readonly file: JsonStateFile<typeof AccountSchema>;
  private readonly now: () => number;

  constructor(dataDir: string, now: () => number, warn?: (message: string) => void) {
    this.now = now;
    this.file = new JsonStateFile({
      path: join(dataDir, 'account.json'),
      schema: AccountSchema,
      fallback: () => ({ account: null }),
      now,
      ...(warn && { warn }),
    });
  }

  async get(): Promise<SignedInAccountRecord | null> {
    return (await this.file.read()).account;
  }

  async set(who: Identity): Promise<void> {
    await this.file.change((value) => {
      value.account = {
        subject: who.subject,
        login: who.login,
        name: who.name,
        avatarUrl: who.avatarUrl,
        signedInAt: new Date(this.now()).toISOString(),
      };
    });
  }

  /** Forgets the account; returns who it was. */
  async clear(): Promise<SignedInAccountRecord | null> {
    return this.file.change((value) => {
      const was = value.account;
      value.account = null;
      return was;
    });
  }
}

import { join } from 'node:path';
import { z } from 'zod';
import type { OwnerView, SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import { AppError, InputError, NotFoundError } from '../app-error.ts';
import { JsonStateFile } from '../fs/json-state-file.ts';
import type { Identity } from './identity.ts';

const OwnerSchema = z.object({
  /** `github:<id>` or `google:<sub>`; absent for someone added in Settings who has not signed in yet. */
  subject: z.string().optional(),
  provider: z.enum(['github', 'google']).optional(),
  /** A GitHub login, or (for Google) the email address it was added by, or the name it signed in with. */
  login: z.string(),
  addedAt: z.string(),
});
const OwnersSchema = z.object({ owners: z.array(OwnerSchema) });
type Owner = z.infer<typeof OwnerSchema>;

const providerOf = (owner: Owner): SignInProvider =>
  owner.provider ?? (owner.subject?.startsWith('google:') ? 'google' : 'github');
const ownerId = (owner: Owner) => owner.subject ?? `invite:${providerOf(owner)}:${owner.login.toLowerCase()}`;

/** A GitHub login (`@octocat` or `octocat`) or a Google email, as typed into Settings; or an error saying what fits. */
function normalizeHandle(provider: SignInProvider, handle: string): string {
  const value = handle.trim().replace(/^@/, '');
  if (provider === 'github' && /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(value)) return value;
  if (provider === 'google' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return value.toLowerCase();
  throw new InputError(
    'invalid_owner',
    provider === 'github'
      ? `"${handle}" is not a GitHub username (letters, digits and dashes, like octocat).`
      : `"${handle}" is not an email address; add a Google account by its email, like ada@example.com.`,
  );
}

/** Whether an invitation (someone added in Settings) is for this identity. */
function invited(owner: Owner, who: Identity): boolean {
  if (owner.subject !== undefined || providerOf(owner) !== who.subject.split(':')[0]) return false;
  const handle = owner.login.toLowerCase();
  // Google accounts are matched by their verified email only (identity.email is null when unverified).
  return providerOf(owner) === 'google'
    ? who.email !== null && who.email.toLowerCase() === handle
    : who.login.toLowerCase() === handle;
}

/**
 * The identities that may hold a dashboard session (`<data-dir>/owners.json`). The first account to sign in
 * becomes the owner; more are added in Settings (by GitHub username or Google email, bound to the account
 * at its first sign-in). Everyone else is turned away.
 */
export class OwnerList {
  private readonly file: JsonStateFile<typeof OwnersSchema>;
  private readonly now: () => number;

  constructor(dataDir: string, now: () => number = Date.now, warn?: (message: string) => void) {
    this.now = now;
    this.file = new JsonStateFile({
      path: join(dataDir, 'owners.json'),
      schema: OwnersSchema,
      fallback: () => ({ owners: [] }),
      now,
      ...(warn && { warn }),
    });
  }

  async list(): Promise<OwnerView[]> {
    const { owners } = await this.file.read();
    return owners.map((owner) => ({
      id: ownerId(owner),
      provider: providerOf(owner),
      login: owner.login,
      signedInBefore: owner.subject !== undefined,
      addedAt: owner.addedAt,
    }));
  }

  /** Whether `who` may sign in: an owner, someone added in Settings (bound now), or the first account to sign in. */
  async admit(who: Identity): Promise<boolean> {
    return this.file.change((value) => {
      if (value.owners.some((owner) => owner.subject === who.subject)) return true;
      const invite = value.owners.find((owner) => invited(owner, who));
      if (invite !== undefined) {
        invite.subject = who.subject;
        invite.provider = providerOf(invite);
        if (invite.provider === 'github') invite.login = who.login;
        return true;
      }
      // People added in Settings do not count: until an owner has signed in, the first account becomes one.
      if (value.owners.some((owner) => owner.subject !== undefined)) return false;
      value.owners.push({
        subject: who.subject,
        provider: who.subject.startsWith('google:') ? 'google' : 'github',
        login: who.login,
        addedAt: new Date(this.now()).toISOString(),
      });
      return true;
    });
  }

  async add(provider: SignInProvider, handle: string): Promise<void> {
    const login = normalizeHandle(provider, handle);
    await this.file.change((value) => {
      if (
        value.owners.some((o) => providerOf(o) === provider && o.login.toLowerCase() === login.toLowerCase())
      )
        throw new AppError('owner_exists', `${login} is already on the owner list.`);
      value.owners.push({ provider, login, addedAt: new Date(this.now()).toISOString() });
    });
  }

  /** Removes one owner; returns their subject (their sessions must end) when they had signed in. */
  async remove(id: string): Promise<string | undefined> {
    return this.file.change((value) => {
      const index = value.owners.findIndex((owner) => ownerId(owner) === id);
      const owner = value.owners[index];
      if (owner === undefined)
        throw new NotFoundError('owner_not_found', 'That owner is no longer on the list.');
      if (owner.subject !== undefined && !value.owners.some((o, i) => i !== index && o.subject !== undefined))
        throw new AppError(
          'last_owner',
          `@${owner.login} is the only owner who has signed in; add and sign in another first (with no owner, the next person to sign in would become it).`,
        );
      value.owners.splice(index, 1);
      return owner.subject;
    });
  }
}

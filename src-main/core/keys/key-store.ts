import { KeychainError, NotFoundError } from '../app-error.ts';
import { secretDigest } from '../secret-digest.ts';
import { checkName, checkPermissions, checkRateLimit, usage } from './key-input.ts';
import type { KeyRecord } from './key-record.ts';
import { keyView, type KeyListing, type KeyView } from './key-view.ts';
import { KeyUsageFile } from './key-usage-file.ts';
import { KeysFile } from './keys-file.ts';
import type { RateLimit } from './quantity-parsers.ts';
import { displayPrefix, generateKeyId, generateSecret, isKeyId } from './secret-format.ts';
import type { SecretStore } from './secret-store.ts';
import { listingProblems, readKeySecrets, rotatedAccount, secretAccountOf } from './key-secrets.ts';

export interface NewKey {
  name: string;
  permissions: string[];
  /** An id chosen beforehand (a preview already showed it), unused and of the usual form; else a new one. */
  id?: string;
  expiresAt?: Date | null;
  rateLimit?: RateLimit | null;
}

export interface KeyChanges {
  name?: string;
  permissions?: string[];
  expiresAt?: Date | null;
  rateLimit?: RateLimit | null;
}

export interface KeyStoreDeps {
  dataDir: string;
  secrets: SecretStore;
  now?: () => number;
  /** Who new keys belong to (the OS user for the CLI, the signed-in owner later). */
  userId: string;
  /** Told about problems met on the way (an unreadable keys.json set aside), never about secrets. */
  warn?: (message: string) => void;
}

export type { KeyListing, KeyStatus, KeyView } from './key-view.ts';

/**
 * The lifecycle of stored API keys: metadata in keys.json, secrets in the SecretStore (the OS keychain by
 * default). The CLI calls this now; the dashboard and tray call the same functions later.
 */
export class KeyStore {
  private readonly file: KeysFile;
  private readonly secrets: SecretStore;
  private readonly now: () => number;
  private readonly userId: string;
  private readonly dataDir: string;
  private readonly warn: (message: string) => void;

  constructor(deps: KeyStoreDeps) {
    this.now = deps.now ?? Date.now;
    this.file = new KeysFile(deps.dataDir, this.now);
    this.secrets = deps.secrets;
    this.userId = deps.userId;
    this.dataDir = deps.dataDir;
    this.warn = deps.warn ?? (() => {});
  }

  /** Changes keys.json under its lock and passes on any problem met reading it. */
  private async change<T>(edit: (keys: KeyRecord[]) => T): Promise<T> {
    const { result, problem } = await this.file.update(edit);
    if (problem !== undefined) this.warn(problem);
    return result;
  }

  get secretStoreLabel(): string {
    return this.secrets.label;
  }

  async create(input: NewKey): Promise<{ key: KeyView; secret: string }> {
    const name = checkName(input.name);
    const permissions = checkPermissions(input.permissions);
    const rateLimit = checkRateLimit(input.rateLimit) ?? null;
    if (input.expiresAt && input.expiresAt.getTime() <= this.now()) {
      throw usage(
        'invalid_expiry',
        'The expiry is in the past; give a time to come, such as 30 days from now.',
        'expiresAt',
      );
    }
    const id = input.id ?? generateKeyId();
    if (
      input.id !== undefined &&
      (!/^key_[A-Za-z0-9_-]{12}$/.test(id) || (await this.file.read()).keys.some((k) => k.id === id))
    )
      throw usage(
        'invalid_input',
        `"${id}" cannot be a new key's id: it is taken or not of the form key_….`,
        'id',
      );
    const secret = generateSecret();
    // Secret first: a crash in between leaves a secret without metadata, which is reported, never a key
    // that lists but cannot work.
    await this.secrets.set(id, secret);
    const record: KeyRecord = {
      id,
      name,
      userId: this.userId,
      role: permissions.includes('*') ? 'admin' : 'user',
      permissions,
      prefix: displayPrefix(secret),
      createdAt: this.iso(),
      expiresAt: input.expiresAt ? input.expiresAt.toISOString() : null,
      revokedAt: null,
      rotatedAt: null,
      rateLimit,
      grace: null,
    };
    await this.change((keys) => keys.push(record));
    return { key: keyView(this.now(), record, undefined, true), secret };
  }

  async list(): Promise<KeyListing> {
    const { keys, problem } = await this.file.read();
    const [secrets, usage] = await Promise.all([
      readKeySecrets(this.secrets, keys),
      KeyUsageFile.inspect(this.dataDir, this.now),
    ]);
    const usageById = usage.value;
    const { problems, leftovers } = listingProblems(keys, secrets, this.secrets.label, this.now());
    if (usage.problem !== undefined) problems.unshift(usage.problem);
    if (problem !== undefined) problems.unshift(problem);
    await this.forget(leftovers);
    const has = (key: KeyRecord) => secrets.has(secretAccountOf(key));
    return { keys: keys.map((key) => keyView(this.now(), key, usageById[key.id], has(key))), problems };
  }

  /** Deletes secrets nothing uses any more (left by an interrupted rotation); a failure leaves them for later. */
  private async forget(accounts: readonly string[]): Promise<void> {
    for (const account of accounts) await this.secrets.delete(account).catch(() => false);
  }

  /** The secret of an active key: what "Copy connector key" copies. */
  async reveal(idOrName: string): Promise<string> {
    const key = await this.find(idOrName);
    if (key.revokedAt !== null) throw usage('key_revoked', `Key "${key.name}" is revoked; create a new one.`);
    const secret = await this.secrets.get(secretAccountOf(key));
    if (secret === undefined) {
      // A locked keychain answers "no such secret": prove it can be written before blaming the key.
      await this.secrets.check();
      throw new KeychainError(
        'secret_missing',
        `Key "${key.name}" has no secret in ${this.secrets.label}; rotate it to make a new one.`,
      );
    }
    return secret;
  }

  /**
   * A new secret for the same key and grants; the old one keeps working for `graceMs` (default: not at all).
   * The new secret goes under a new account first, then keys.json names it, then the old secret goes (its
   * digest in keys.json carries the grace): a crash at any step leaves the old key or the new one working.
   */
  async rotate(idOrName: string, graceMs = 0): Promise<{ key: KeyView; secret: string }> {
    const key = await this.find(idOrName);
    if (key.revokedAt !== null)
      throw usage('key_revoked', `Key "${key.name}" is revoked; create a new one instead.`);
    const old = graceMs > 0 ? await this.secrets.get(secretAccountOf(key)) : undefined;
    const secret = generateSecret();
    const account = rotatedAccount(key.id, this.now());
    await this.secrets.set(account, secret);
    const { result, replaced } = await this.change((keys) => {
      const record = this.requireIn(keys, key.id);
      const replaced = secretAccountOf(record);
      record.prefix = displayPrefix(secret);
      record.rotatedAt = this.iso();
      record.secretAccount = account;
      record.grace = old === undefined ? null : { digest: secretDigest(old), until: this.iso(graceMs) };
      return { result: { ...record }, replaced };
    });
    await this.forget([replaced]);
    return { key: keyView(this.now(), result, undefined, true), secret };
  }

  async revoke(idOrName: string): Promise<KeyView> {
    const key = await this.find(idOrName);
    const result = await this.change((keys) => {
      const record = this.requireIn(keys, key.id);
      record.revokedAt ??= this.iso();
      record.grace = null;
      return { ...record };
    });
    await this.secrets.delete(secretAccountOf(key));
    return keyView(this.now(), result, undefined, false);
  }

  async update(idOrName: string, changes: KeyChanges): Promise<KeyView> {
    const key = await this.find(idOrName);
    const name = changes.name === undefined ? undefined : checkName(changes.name);
    const permissions = changes.permissions === undefined ? undefined : checkPermissions(changes.permissions);
    const rateLimit = checkRateLimit(changes.rateLimit);
    const result = await this.change((keys) => {
      const record = this.requireIn(keys, key.id);
      if (name !== undefined) record.name = name;
      if (permissions !== undefined) record.permissions = permissions;
      if (changes.expiresAt !== undefined) record.expiresAt = changes.expiresAt?.toISOString() ?? null;
      if (rateLimit !== undefined) record.rateLimit = rateLimit;
      return { ...record };
    });
    return keyView(this.now(), result, undefined, true);
  }

  /** Removes the key entirely: metadata first, then the secret (a crash between leaves a reported orphan). */
  async delete(idOrName: string): Promise<void> {
    const key = await this.find(idOrName).catch(async (error: unknown) => {
      // A secret without metadata can still be deleted by its account.
      if (isKeyId(idOrName) && (await this.secrets.get(idOrName)) !== undefined) return undefined;
      throw error;
    });
    const id = key?.id ?? idOrName;
    await this.change((keys) => {
      const index = keys.findIndex((record) => record.id === id);
      if (index >= 0) keys.splice(index, 1);
    });
    await this.secrets.delete(key === undefined ? idOrName : secretAccountOf(key));
  }

  private async find(idOrName: string): Promise<KeyRecord> {
    const { keys } = await this.file.read();
    const byId = keys.find((key) => key.id === idOrName);
    if (byId) return byId;
    const byName = keys.filter((key) => key.name === idOrName);
    if (byName.length === 1 && byName[0]) return byName[0];
    if (byName.length > 1) {
      throw usage(
        'key_ambiguous',
        `${byName.length} keys are named "${idOrName}"; use the id instead (${byName.map((k) => k.id).join(', ')}).`,
      );
    }
    throw new NotFoundError('key_not_found', `No key has the id or name "${idOrName}".`);
  }

  private requireIn(keys: KeyRecord[], id: string): KeyRecord {
    const record = keys.find((key) => key.id === id);
    if (record === undefined) throw new NotFoundError('key_not_found', `Key ${id} was deleted meanwhile.`);
    return record;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.now() + offsetMs).toISOString();
  }
}

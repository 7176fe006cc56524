import type { KeyRecord } from './key-record.ts';
import { isKeyId } from './secret-format.ts';
import type { SecretStore } from './secret-store.ts';

/**
 * Where each key's secret lives in the secret store. A key starts with its id as the account; a rotation
 * writes the new secret under a new account (`<id>.<time>`) before keys.json names it, so a crash at any
 * point leaves either the old state or the new one, never keys.json and the keychain disagreeing.
 */
export function secretAccountOf(record: Pick<KeyRecord, 'id' | 'secretAccount'>): string {
  return record.secretAccount ?? record.id;
}

/** A fresh account for a rotated secret; the time in it tells an abandoned one from one being written. */
export function rotatedAccount(id: string, now: number): string {
  return `${id}.${now.toString(36)}`;
}

/** The key an account belongs to. */
export function keyIdOfAccount(account: string): string {
  return account.split('.', 1)[0] ?? account;
}

/** A rotation that has not named its new account in keys.json after this long was interrupted. */
const ABANDONED_AFTER_MS = 60_000;

export interface StrayAccounts {
  /** Secrets of keys that keys.json does not list at all. */
  orphans: string[];
  /** Secrets of listed keys that are not their current one: left by an interrupted rotation, safe to delete. */
  leftovers: string[];
}

/** The key accounts in the store that no listed key uses. Other accounts (the session key, OAuth) are not keys. */
export function strayAccounts(
  records: readonly KeyRecord[],
  accounts: Iterable<string>,
  now: number,
): StrayAccounts {
  const current = new Map(records.map((record) => [record.id, secretAccountOf(record)]));
  const stray: StrayAccounts = { orphans: [], leftovers: [] };
  for (const account of accounts) {
    if (!isKeyId(account)) continue;
    const owner = current.get(keyIdOfAccount(account));
    if (owner === undefined) stray.orphans.push(account);
    else if (owner !== account && isAbandoned(account, now)) stray.leftovers.push(account);
  }
  return stray;
}

function isAbandoned(account: string, now: number): boolean {
  const stamp = account.split('.')[1];
  // The plain id is the first account; once keys.json names another, nothing writes it again.
  if (stamp === undefined) return true;
  const at = parseInt(stamp, 36);
  return Number.isNaN(at) || now - at > ABANDONED_AFTER_MS;
}

/**
 * Every secret in the store, for these records. A store that holds none of the secrets of the active keys
 * is asked to prove it can be written: a locked or just-restarted keychain answers "nothing here" instead of
 * failing, and that must read as "unavailable", not as every key deleted.
 */
export async function readKeySecrets(
  store: SecretStore,
  records: readonly KeyRecord[],
): Promise<Map<string, string>> {
  const secrets = await store.list();
  const wanted = records.filter((record) => record.revokedAt === null).map(secretAccountOf);
  if (wanted.length > 0 && !wanted.some((account) => secrets.has(account))) await store.check();
  return secrets;
}

/**
 * What `keys list` reports of the store against keys.json: secrets of unlisted keys (by account) and listed
 * keys without their secret, each with what to do; and the leftovers of interrupted rotations to delete.
 */
export function listingProblems(
  records: readonly KeyRecord[],
  secrets: ReadonlyMap<string, string>,
  label: string,
  now: number,
): { problems: string[]; leftovers: string[] } {
  const { orphans, leftovers } = strayAccounts(records, secrets.keys(), now);
  const problems = orphans.map(
    (account) =>
      `${label} holds a secret for key ${account} that keys.json does not list; it is ignored. Delete it with "mcp-tray keys delete ${account}".`,
  );
  for (const key of records) {
    if (key.revokedAt === null && !secrets.has(secretAccountOf(key)))
      problems.push(
        `Key "${key.name}" (${key.id}) has no secret in ${label}; it cannot be used. Rotate it to make a new secret, or delete it.`,
      );
  }
  return { problems, leftovers };
}

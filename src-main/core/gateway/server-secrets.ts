import type { SecretStore } from '../keys/secret-store.ts';
import type { ServerEntry } from './server-entry.ts';

/** Where one secret value of a server lives in the secret store (key secrets use key ids; these never clash). */
export function serverSecretAccount(server: string, kind: 'env' | 'header', name: string): string {
  return `server:${server}:${kind}:${name}`;
}

/** The secret names of an entry, with the kind of each. */
function secretNames(entry: ServerEntry): { kind: 'env' | 'header'; name: string }[] {
  return entry.kind === 'stdio'
    ? entry.secretEnv.map((name) => ({ kind: 'env' as const, name }))
    : entry.secretHeaders.map((name) => ({ kind: 'header' as const, name }));
}

/** Stores the secret values of a new server; on a failure, takes back those already stored. */
export async function storeServerSecrets(
  store: SecretStore,
  server: string,
  kind: 'env' | 'header',
  values: Record<string, string>,
): Promise<void> {
  const stored: string[] = [];
  try {
    for (const [name, value] of Object.entries(values)) {
      const account = serverSecretAccount(server, kind, name);
      await store.set(account, value);
      stored.push(account);
    }
  } catch (error) {
    await Promise.all(stored.map((account) => store.delete(account).catch(() => false)));
    throw error;
  }
}

/**
 * The secret values of a server, by name. One that is missing is left out and named in `missing`, so the
 * server can start without it and say what is wrong.
 */
export async function readServerSecrets(
  store: SecretStore,
  entry: ServerEntry,
): Promise<{ values: Record<string, string>; missing: string[] }> {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const { kind, name } of secretNames(entry)) {
    const value = await store.get(serverSecretAccount(entry.name, kind, name));
    if (value === undefined) missing.push(name);
    else values[name] = value;
  }
  return { values, missing };
}

/** Deletes every secret value of a server (after it was removed). */
export async function deleteServerSecrets(store: SecretStore, entry: ServerEntry): Promise<void> {
  for (const { kind, name } of secretNames(entry))
    await store.delete(serverSecretAccount(entry.name, kind, name));
}

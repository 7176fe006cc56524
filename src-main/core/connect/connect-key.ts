import { NotFoundError } from '../app-error.ts';
import type { ClientSpec } from './client-catalog.ts';

/** What connecting needs of the key store (the KeyStore, or the desktop app's). */
export interface ConnectKeys {
  list(): Promise<{ keys: { id: string; name: string; status: string }[] }>;
  create(input: {
    name: string;
    permissions: string[];
    id?: string;
    expiresAt: null;
    rateLimit: null;
  }): Promise<{ key: { id: string; name: string }; secret: string }>;
  reveal(id: string): Promise<string>;
  revoke(id: string): Promise<unknown>;
}

/** A client's own key may list and call tools, nothing else. */
export const CLIENT_KEY_PERMISSIONS = ['tools:list', 'tools:call'];

export interface ChosenKey {
  id: string;
  name: string;
  created: boolean;
}

/** What a dry run shows where the id of a key not made yet goes. */
export const NEW_KEY_ID = '<id of the new key>';

/**
 * The key a client gets: the one asked for (by name or id, active), else the one it already uses (from
 * MCP Tray's record or its entry), else a new one named after the client with tool permissions only (not
 * made in a dry run). `newKeyId` is the id a new key gets: a preview shows it, and the write that follows
 * makes the key with it, so the preview was exactly what is written.
 */
export async function chooseKey(
  keys: ConnectKeys,
  spec: ClientSpec,
  asked: string | undefined,
  known: (string | undefined)[],
  dryRun: boolean,
  newKeyId?: string,
): Promise<ChosenKey> {
  const active = (await keys.list()).keys.filter((key) => key.status === 'active');
  if (asked !== undefined) {
    const found = active.find((key) => key.id === asked) ?? active.find((key) => key.name === asked);
    if (found === undefined)
      throw new NotFoundError(
        'key_not_found',
        `No active key has the name or id "${asked}" (leave it out and ${spec.title} gets a key of its own).`,
        { field: 'key' },
      );
    return { id: found.id, name: found.name, created: false };
  }
  const reused = active.find((key) => known.includes(key.id));
  if (reused !== undefined) return { id: reused.id, name: reused.name, created: false };
  if (dryRun) return { id: newKeyId ?? NEW_KEY_ID, name: spec.title, created: true };
  const { key } = await keys.create({
    ...(newKeyId !== undefined && { id: newKeyId }),
    name: spec.title,
    permissions: CLIENT_KEY_PERMISSIONS,
    expiresAt: null,
    rateLimit: null,
  });
  return { id: key.id, name: key.name, created: true };
}

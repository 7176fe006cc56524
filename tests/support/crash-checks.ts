import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FoldersFileSchema } from '../../src-main/core/folders/folders-file.ts';
import { ServersFileSchema } from '../../src-main/core/gateway/server-entry.ts';
import { KeysFileSchema, type KeyRecord } from '../../src-main/core/keys/key-record.ts';
import { SettingsSchema } from '../../src-main/core/settings/settings-file.ts';
import { secretAccountOf } from '../../src-main/core/keys/key-secrets.ts';
import type { KeychainSecretStore } from '../../src-main/core/keys/keychain-secret-store.ts';
import { displayPrefix } from '../../src-main/core/keys/secret-format.ts';
import { JSON_RPC_HEADERS, rawRequest } from './raw-http.ts';

/**
 * After a kill: no file of the data folder was set aside as torn, and what keys.json, servers.json,
 * folders.json and settings.json hold, each checked against its schema (a file not written yet is empty).
 */
export function dataAfterKill(dataDir: string, where: string) {
  assert.deepEqual(
    readdirSync(dataDir).filter((name) => name.includes('.corrupt-')),
    [],
    `${where}: a file was torn`,
  );
  const read = (name: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  return {
    keys: KeysFileSchema.parse(read('keys.json') ?? { version: 1, keys: [] }).keys,
    servers: ServersFileSchema.parse(read('servers.json') ?? { version: 1, servers: [] }).servers,
    folders: FoldersFileSchema.parse(read('folders.json') ?? { version: 1, folders: [] }).folders,
    settings: SettingsSchema.parse(read('settings.json') ?? {}),
  };
}

/** Every name acknowledged before the kill is among those a file lists. */
export function assertNoneLost(
  listed: readonly { name: string }[],
  acknowledged: Iterable<string>,
  where: string,
): void {
  for (const name of acknowledged)
    assert.ok(
      listed.some((entry) => entry.name === name),
      `${where}: ${name} lost`,
    );
}

/** After a kill: the real keychain holds the secret of every live key keys.json lists, with its prefix. */
export async function assertKeychainAgrees(
  keys: readonly KeyRecord[],
  store: KeychainSecretStore,
  where: string,
): Promise<void> {
  const secrets = await store.list();
  for (const key of keys.filter((k) => k.revokedAt === null)) {
    const secret = secrets.get(secretAccountOf(key));
    assert.ok(
      secret !== undefined,
      `${where}: keys.json lists ${key.name}, the keychain has no secret for it`,
    );
    assert.equal(
      displayPrefix(secret),
      key.prefix,
      `${where}: keys.json and the keychain disagree on ${key.name}`,
    );
  }
}

/** Each secret (by key name) lists tools on a server at `port`, but the one skipped (a rotated key). */
export async function assertKeysServe(
  port: number,
  secrets: ReadonlyMap<string, string>,
  skip: string | undefined,
) {
  for (const [name, secret] of secrets) {
    if (name === skip) continue;
    const res = await rawRequest(port, {
      method: 'POST',
      path: '/mcp',
      headers: { ...JSON_RPC_HEADERS, 'x-api-key': secret },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    assert.equal(res.status, 200, `${name}: ${res.body}`);
  }
}

import assert from 'node:assert/strict';
import type { KeyRecord } from '../../src-main/core/keys/key-record.ts';
import { secretAccountOf } from '../../src-main/core/keys/key-secrets.ts';
import type { KeychainSecretStore } from '../../src-main/core/keys/keychain-secret-store.ts';
import { displayPrefix } from '../../src-main/core/keys/secret-format.ts';
import { JSON_RPC_HEADERS, rawRequest } from './raw-http.ts';

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

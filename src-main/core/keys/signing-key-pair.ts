import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { SecretStore } from './secret-store.ts';

/** An ES256 key pair whose private half lives in the secret store (never in a file). */
export interface SigningKeyPair {
  privateJwk: JWK;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** False for a key made for this run only, because the store could not be used. */
  lasting: boolean;
}

async function fromJwk(privateJwk: JWK, lasting: boolean): Promise<SigningKeyPair> {
  const { d: _private, ...publicJwk } = privateJwk;
  return {
    privateJwk,
    privateKey: (await importJWK(privateJwk, 'ES256')) as CryptoKey,
    publicKey: (await importJWK(publicJwk, 'ES256')) as CryptoKey,
    lasting,
  };
}

async function fresh(): Promise<JWK> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(pair.privateKey)), alg: 'ES256', use: 'sig' };
}

async function fromStore(store: SecretStore, account: string): Promise<SigningKeyPair> {
  const saved = await store.get(account);
  if (saved !== undefined) return fromJwk(JSON.parse(saved) as JWK, true);
  const jwk = await fresh();
  await store.set(account, JSON.stringify(jwk));
  return fromJwk(jwk, true);
}

/**
 * The key pair kept under `account`, made at first use. A store that fails, or is slower than `waitMs`, gets
 * a key for this run only (what it signs then stops verifying when the server stops), and `onEphemeral` is
 * told why.
 */
export async function loadSigningKeyPair(
  store: SecretStore,
  account: string,
  options: { waitMs: number; onEphemeral: (reason: string) => void },
): Promise<SigningKeyPair> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), options.waitMs)));
  try {
    const pair = await Promise.race([fromStore(store, account), late]);
    if (pair !== 'late') return pair;
    options.onEphemeral(`${store.label} is slow to answer`);
  } catch (error) {
    options.onEphemeral((error as Error).message);
  } finally {
    clearTimeout(timer);
  }
  return fromJwk(await fresh(), false);
}

import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { KeyStore } from '../core/keys/key-store.ts';
import { openSecretStore } from '../core/keys/open-secret-store.ts';
import type { SecretStoreKind } from '../core/keys/secret-store.ts';
import type { CommandIo } from './command-io.ts';

/** The key store of `dataDir` as a command uses it (the folder made if needed, the owner's only). */
export async function openKeyStore(dataDir: string, kind: SecretStoreKind, io: CommandIo): Promise<KeyStore> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return new KeyStore({
    dataDir,
    secrets: openSecretStore(kind, dataDir),
    userId: userInfo().username,
    warn: (message) => io.logger.warn(message),
  });
}

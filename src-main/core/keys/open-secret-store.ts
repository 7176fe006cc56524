import { InputError } from '../app-error.ts';
import { FileSecretStore } from './file-secret-store.ts';
import { KeychainSecretStore, type KeychainRunner } from './keychain-secret-store.ts';
import type { SecretStore, SecretStoreKind } from './secret-store.ts';

export function parseSecretStoreKind(value: string | undefined): SecretStoreKind {
  if (value === undefined || value === 'keychain') return 'keychain';
  if (value === 'file') return 'file';
  throw new InputError(
    'invalid_secret_store',
    `--secret-store must be "keychain" (the default) or "file", not "${value}".`,
    { field: '--secret-store' },
  );
}

export function openSecretStore(
  kind: SecretStoreKind,
  dataDir: string,
  runner?: KeychainRunner,
): SecretStore {
  return kind === 'file' ? new FileSecretStore(dataDir) : new KeychainSecretStore(runner);
}

import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Caller } from '../../../src-shared/caller.ts';
import { parseApiKeys } from '../auth/environment-key-registry.ts';
import { combinedRegistry, type KeyRegistry } from '../auth/key-registry.ts';
import { StoredKeyRegistry } from '../auth/stored-key-registry.ts';
import { KeyStore } from '../keys/key-store.ts';
import type { KeychainRunner } from '../keys/keychain-secret-store.ts';
import { openSecretStore } from '../keys/open-secret-store.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import type { ServerConfig } from './server-config.ts';
import type { ServerModule } from './server-module.ts';

/** The data folder, made (private to this user) before anything is read from it or written to it. */
export async function prepareDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
}

export interface KeysModule extends ServerModule {
  /** Every key a request may present: MCP_API_KEYS, then the stored keys. */
  readonly registry: KeyRegistry;
  readonly storedKeys: StoredKeyRegistry;
  /** Creating, rotating, revoking stored keys (the dashboard's door to what the CLI does). */
  readonly keyStore: KeyStore;
  readonly secrets: SecretStore;
  readonly environmentCallers: readonly Caller[];
  /** Resolves once stored keys were loaded, or after a stalled keychain was given up on for now. */
  readonly loaded: Promise<void>;
}

/** API keys: those from the environment (checked now; a malformed value stops the start) and the stored ones. */
export function startKeys(
  config: Pick<ServerConfig, 'apiKeys' | 'dataDir' | 'secretStore'>,
  logger: Logger,
  now: () => number,
  keychainRunner?: KeychainRunner,
): KeysModule {
  const environmentKeys = parseApiKeys(config.apiKeys);
  for (const warning of environmentKeys.warnings) logger.warn(warning);
  const secrets = openSecretStore(config.secretStore, config.dataDir, keychainRunner);
  const storedKeys = new StoredKeyRegistry({ dataDir: config.dataDir, secrets, logger, now });
  return {
    name: 'keys',
    registry: combinedRegistry([environmentKeys, storedKeys]),
    storedKeys,
    keyStore: new KeyStore({
      dataDir: config.dataDir,
      secrets,
      now,
      userId: userInfo().username,
      warn: (message) => logger.warn(message),
    }),
    secrets,
    environmentCallers: environmentKeys.callers(),
    loaded: storedKeys.start(),
    close: async () => storedKeys.stop(),
  };
}

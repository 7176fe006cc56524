import { userInfo } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { DEFAULT_HOST, MCP_PATH, PRODUCT_NAME } from '../../../src-shared/product.ts';
import { InputError } from '../app-error.ts';
import type { KeychainRunner } from '../keys/keychain-secret-store.ts';
import { KeyStore } from '../keys/key-store.ts';
import { openSecretStore, parseSecretStoreKind } from '../keys/open-secret-store.ts';
import type { Logger } from '../logger.ts';
import { resolveDataDir, resolveServerConfig } from '../server/server-config.ts';
import { loadSettings } from '../settings/settings-file.ts';
import { HttpForwarder } from './http-forwarder.ts';
import { runStdioBridge } from './stdio-bridge.ts';

export interface BridgeOptions {
  key?: string | undefined;
  port?: string | undefined;
  dataDir?: string | undefined;
  secretStore?: string | undefined;
}

/**
 * The bridge, for both entries (`mcp-tray bridge` and the desktop app's `--bridge`): the key read once from
 * the secret store (or MCP_TRAY_KEY), then stdio forwarded to the local server until stdin ends.
 */
export async function runBridge(
  options: BridgeOptions,
  io: { env: NodeJS.ProcessEnv; logger: Logger },
  stdio: { stdin: Readable; stdout: Writable },
  runner?: KeychainRunner,
): Promise<void> {
  const kind = parseSecretStoreKind(options.secretStore);
  const dataDir = resolveDataDir(options.dataDir, io.env);
  const settings = await loadSettings(dataDir, (message) => io.logger.warn(message));
  const config = resolveServerConfig({ port: options.port, dataDir }, io.env, settings);
  const fromEnv = io.env['MCP_TRAY_KEY'];
  let key: string;
  let keyName: string;
  if (options.key !== undefined) {
    const store = new KeyStore({
      dataDir,
      secrets: openSecretStore(kind, dataDir, runner),
      userId: userInfo().username,
      warn: (message) => io.logger.warn(message),
    });
    key = await store.reveal(options.key);
    keyName = options.key;
  } else if (fromEnv !== undefined && fromEnv !== '') {
    key = fromEnv;
    keyName = 'from MCP_TRAY_KEY';
  } else {
    throw new InputError('usage', '"bridge" needs the key to use: mcp-tray bridge --key NAME.');
  }
  const url = `http://${DEFAULT_HOST}:${config.port}${MCP_PATH}`;
  const forwarder = new HttpForwarder({ url, key, keyName }, (problem) =>
    io.logger.warn(`${PRODUCT_NAME} bridge: ${problem}`),
  );
  await runStdioBridge(stdio.stdin, stdio.stdout, forwarder);
}

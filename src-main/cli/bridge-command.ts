import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, MCP_PATH, PRODUCT_NAME } from '../../src-shared/product.ts';
import { InputError } from '../core/app-error.ts';
import { HttpForwarder } from '../core/bridge/http-forwarder.ts';
import { runStdioBridge } from '../core/bridge/stdio-bridge.ts';
import { KeyStore } from '../core/keys/key-store.ts';
import { openSecretStore, parseSecretStoreKind } from '../core/keys/open-secret-store.ts';
import { resolveDataDir, resolveServerConfig } from '../core/server/server-config.ts';
import { loadSettings } from '../core/settings/settings-file.ts';
import type { CommandIo } from './command-io.ts';

export const BRIDGE_HELP = `Usage: mcp-tray bridge --key NAME [--port N] [--data-dir PATH] [--secret-store keychain|file]

A stdio MCP server for clients that start servers as commands (Claude Desktop, and any client whose config
should hold no secret): it forwards everything to the MCP Tray running on this computer, with the key NAME
(a key's name or id) read from the keychain when it starts. The client's config then holds only this
command and the key's name. Without --key it uses the key in the MCP_TRAY_KEY environment variable.
`;

/**
 * `mcp-tray bridge`: stdio on one side, MCP Tray's local HTTP endpoint on the other. What goes wrong (MCP
 * Tray not running, the key refused) is said on stderr and answered to the client as an error; it keeps
 * serving, so MCP Tray started or restarted later is reached by the next request.
 */
export async function bridgeCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      key: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'secret-store': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(BRIDGE_HELP);
    return 0;
  }
  const kind = parseSecretStoreKind(values['secret-store']);
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const settings = await loadSettings(dataDir, (message) => io.logger.warn(message));
  const config = resolveServerConfig({ port: values.port, dataDir }, io.env, settings);
  const fromEnv = io.env['MCP_TRAY_KEY'];
  let key: string;
  let keyName: string;
  if (values.key !== undefined) {
    const store = new KeyStore({
      dataDir,
      secrets: openSecretStore(kind, dataDir),
      userId: userInfo().username,
      warn: (message) => io.logger.warn(message),
    });
    key = await store.reveal(values.key);
    keyName = values.key;
  } else if (fromEnv !== undefined && fromEnv !== '') {
    key = fromEnv;
    keyName = 'from MCP_TRAY_KEY';
  } else {
    throw new InputError(
      'usage',
      `"bridge" needs the key to use: mcp-tray bridge --key NAME. ${BRIDGE_HELP}`,
    );
  }
  const url = `http://${DEFAULT_HOST}:${config.port}${MCP_PATH}`;
  const forwarder = new HttpForwarder({ url, key, keyName }, (problem) =>
    io.logger.warn(`${PRODUCT_NAME} bridge: ${problem}`),
  );
  await runStdioBridge(process.stdin, process.stdout, forwarder);
  return 0;
}

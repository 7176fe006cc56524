import { homedir, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONNECT_CLIENTS,
  type ConnectClientId,
  type ConnectScope,
  type KeyWay,
} from '../../src-shared/connect-view.ts';
import { DEFAULT_HOST, MCP_PATH } from '../../src-shared/product.ts';
import { InputError } from '../core/app-error.ts';
import { ClientConnector } from '../core/connect/client-connector.ts';
import { listClients } from '../core/connect/client-listing.ts';
import { defaultDataDir } from '../core/data-dir.ts';
import { KeyStore } from '../core/keys/key-store.ts';
import { openSecretStore, parseSecretStoreKind } from '../core/keys/open-secret-store.ts';
import { resolveDataDir, resolveServerConfig } from '../core/server/server-config.ts';
import { loadSettings } from '../core/settings/settings-file.ts';
import type { CommandIo } from './command-io.ts';
import { CONNECT_HELP, describeClients, describeOutcome } from './connect-output.ts';

const OPTIONS = {
  key: { type: 'string' },
  scope: { type: 'string' },
  project: { type: 'string' },
  way: { type: 'string' },
  'key-in-file': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'secret-store': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function clientOf(value: string | undefined): ConnectClientId {
  const found = CONNECT_CLIENTS.find((id) => id === value);
  if (found === undefined)
    throw new InputError(
      'usage',
      `${value === undefined ? 'Say which client' : `"${value}" is not a client MCP Tray connects`}: one of ${CONNECT_CLIENTS.join(', ')}.`,
      { field: 'client' },
    );
  return found;
}

function scopeOf(value: string | undefined): ConnectScope | undefined {
  if (value === undefined || value === 'user' || value === 'project') return value;
  throw new InputError('usage', `--scope is user or project, not "${value}".`, { field: 'scope' });
}

function wayOf(value: string | undefined, keyInFile: boolean | undefined): KeyWay | undefined {
  if (keyInFile) return 'in-file';
  if (value === undefined || value === 'bridge' || value === 'prompt' || value === 'in-file') return value;
  throw new InputError('usage', `--way is bridge, prompt or in-file, not "${value}".`, { field: 'way' });
}

/** `mcp-tray connect CLIENT`, `mcp-tray disconnect CLIENT` and `mcp-tray clients`. */
export async function connectCommand(command: string, args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: OPTIONS,
    allowPositionals: true,
    allowNegative: true,
  });
  if (values.help) {
    io.stdout(CONNECT_HELP);
    return 0;
  }
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const settings = await loadSettings(dataDir, (message) => io.logger.warn(message));
  const config = resolveServerConfig({ port: values.port, dataDir }, io.env, settings);
  const kind = parseSecretStoreKind(values['secret-store']);
  let store: KeyStore | undefined;
  const keys = () =>
    (store ??= new KeyStore({
      dataDir,
      secrets: openSecretStore(kind, dataDir),
      userId: userInfo().username,
      warn: (message) => io.logger.warn(message),
    }));
  const place = {
    platform: process.platform,
    home: homedir(),
    env: io.env,
    projectDir: resolve(values.project ?? '.'),
  };
  // The bridge as this CLI runs it: this Node.js and this script, with the options that differ from the defaults.
  const bridgeArgs = [resolve(process.argv[1] ?? ''), 'bridge'];
  if (dataDir !== defaultDataDir()) bridgeArgs.push('--data-dir', dataDir);
  if (values.port !== undefined) bridgeArgs.push('--port', String(config.port));
  if (kind === 'file') bridgeArgs.push('--secret-store', 'file');
  const connector = new ClientConnector({
    dataDir,
    place,
    keys,
    url: `http://${DEFAULT_HOST}:${config.port}${MCP_PATH}`,
    bridge: { command: process.execPath, args: bridgeArgs },
    now: Date.now,
    warn: (message) => io.logger.warn(message),
  });
  const print = (value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  if (command === 'clients') {
    if (positionals.length > 0)
      throw new InputError('usage', `"clients" takes no client name. ${CONNECT_HELP}`);
    const names = new Map<string, string>();
    const listing = await keys()
      .list()
      .catch(() => ({ keys: [] }));
    for (const key of listing.keys) names.set(key.id, key.name);
    const clients = await listClients(place, (id) => names.get(id));
    if (values.json) print({ clients });
    else io.stdout(describeClients(clients));
    return 0;
  }
  const [name, ...extra] = positionals;
  if (extra.length > 0) throw new InputError('usage', `Unexpected "${extra.join(' ')}". ${CONNECT_HELP}`);
  const client = clientOf(name);
  const scope = scopeOf(values.scope);
  const outcome =
    command === 'connect'
      ? await connector.connect({
          client,
          scope,
          key: values.key,
          way: wayOf(values.way, values['key-in-file']),
          dryRun: values['dry-run'],
          check: values.check,
        })
      : await connector.disconnect({ client, scope, dryRun: values['dry-run'] });
  if (values.json) print(outcome);
  else io.stdout(describeOutcome(command, outcome));
  return 0;
}

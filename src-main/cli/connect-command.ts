import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, MCP_PATH } from '../../src-shared/product.ts';
import { ClientConnector } from '../core/connect/client-connector.ts';
import { listClients } from '../core/connect/client-listing.ts';
import { bridgeLaunch, cliBridge } from '../core/connect/bridge-launch.ts';
import { parseSecretStoreKind } from '../core/keys/open-secret-store.ts';
import { resolveDataDir, resolveServerConfig } from '../core/server/server-config.ts';
import { loadSettings } from '../core/settings/settings-file.ts';
import type { CommandIo } from './command-io.ts';
import { openKeyStore } from './open-key-store.ts';
import { clientOf, CONNECT_OPTIONS, noClient, scopeOf, wayOf } from './connect-args.ts';
import { CONNECT_HELP, describeClients, describeOutcome } from './connect-output.ts';

/** `mcp-tray connect CLIENT`, `mcp-tray disconnect CLIENT` and `mcp-tray clients`. */
export async function connectCommand(command: string, args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: CONNECT_OPTIONS,
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
  const store = await openKeyStore(dataDir, kind, io);
  const keys = () => store;
  const place = {
    platform: process.platform,
    home: homedir(),
    env: io.env,
    projectDir: resolve(values.project ?? '.'),
  };
  const bridge = bridgeLaunch(cliBridge(resolve(process.argv[1] ?? '')), {
    dataDir,
    port: values.port === undefined ? undefined : config.port,
    secretStore: kind,
  });
  const connector = new ClientConnector({
    dataDir,
    place,
    keys,
    url: `http://${DEFAULT_HOST}:${config.port}${MCP_PATH}`,
    bridge,
    now: Date.now,
    warn: (message) => io.logger.warn(message),
  });
  const print = (value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  if (command === 'clients') {
    noClient(positionals, CONNECT_HELP);
    const names = new Map<string, string>();
    const listing = await keys()
      .list()
      .catch(() => ({ keys: [] }));
    for (const key of listing.keys) names.set(key.id, key.name);
    const records = (await connector.records.read()).connections;
    const clients = await listClients(
      place,
      (id) => names.get(id),
      (file) => records.find((record) => record.file === file),
    );
    if (values.json) print({ clients });
    else io.stdout(describeClients(clients));
    return 0;
  }
  const client = clientOf(positionals, CONNECT_HELP);
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

import { isAbsolute } from 'node:path';
import { InputError } from '../app-error.ts';
import { generateKeyId } from '../keys/secret-format.ts';
import type { HandlerSlice } from '../contract-handlers.ts';
import { cliBridge, type BridgeLaunch } from './bridge-launch.ts';
import { ClientConnector } from './client-connector.ts';
import type { ClientPlace } from './client-files.ts';
import { listClients } from './client-listing.ts';
import type { ConnectKeys } from './connect-key.ts';
import { backupsDir, connectionsFile } from './connections-file.ts';

export type ClientsChannel = 'clients.list' | 'clients.connect' | 'clients.disconnect';

export interface ClientsHandlersDeps {
  dataDir: string;
  keys: ConnectKeys;
  /** This computer, with the project folder a project-scope config goes in. */
  place: (projectDir: string | undefined) => ClientPlace;
  /** Known once the server listens. */
  mcpUrl: () => string;
  /** How a client starts the bridge (known once the server listens). */
  bridge: () => BridgeLaunch | undefined;
  now: () => number;
  warn: (message: string) => void;
}

function projectFolder(dir: string | undefined, scope: string | undefined): string | undefined {
  if (scope !== 'project') return undefined;
  if (dir === undefined || !isAbsolute(dir))
    throw new InputError('usage', 'Give the project’s folder (its full path) for a project config.', {
      field: 'projectDir',
    });
  return dir;
}

/** Connect's part of the dashboard contract: the same operations as `mcp-tray connect`, `disconnect` and `clients`. */
export function clientsHandlers(deps: ClientsHandlersDeps): HandlerSlice<ClientsChannel> {
  const connector = (projectDir: string | undefined) =>
    new ClientConnector({
      dataDir: deps.dataDir,
      place: deps.place(projectDir),
      keys: () => deps.keys,
      url: deps.mcpUrl(),
      bridge: deps.bridge() ?? cliBridge(process.argv[1] ?? ''),
      now: deps.now,
      warn: deps.warn,
    });
  return {
    'clients.list': async (input) => {
      const names = new Map((await deps.keys.list()).keys.map((key) => [key.id, key.name]));
      const records = (await connectionsFile(deps.dataDir, deps.now, deps.warn).read()).connections;
      const clients = await listClients(
        deps.place(input.projectDir),
        (id) => names.get(id),
        (file) => records.find((record) => record.file === file),
      );
      return { clients, backupsDir: backupsDir(deps.dataDir) };
    },
    'clients.connect': (input) =>
      connector(projectFolder(input.projectDir, input.scope)).connect({
        client: input.client,
        scope: input.scope,
        way: input.way,
        key: input.key,
        dryRun: input.dryRun,
        // A preview names the new key's id, and the write that follows (which sends it back) uses it.
        newKeyId: input.newKeyId ?? (input.dryRun === true ? generateKeyId() : undefined),
      }),
    'clients.disconnect': (input) =>
      connector(projectFolder(input.projectDir, input.scope)).disconnect({
        client: input.client,
        scope: input.scope,
        dryRun: input.dryRun,
      }),
  };
}

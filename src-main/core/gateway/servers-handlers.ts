import type { ServersView } from '../../../src-shared/dashboard-contract.ts';
import type { HandlerSlice } from '../contract-handlers.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import { NotFoundError } from '../app-error.ts';
import type { Gateway } from './gateway.ts';
import { readLogTail, upstreamLogPath } from './upstream-log.ts';
import { approveServer, addServer, removeServer, setServerEnabled } from './servers-admin.ts';
import type { AddCheck } from './server-add-check.ts';
import type { ServersFile } from './servers-file.ts';
import type { ImportPlace } from './servers-import.ts';

/** Reading clients' configs (JSONC, TOML) is loaded with the first import, not at start. */
const importing = () => import('./servers-import.ts');

export type ServersChannel =
  | 'servers.list'
  | 'servers.add'
  | 'servers.setEnabled'
  | 'servers.remove'
  | 'servers.approve'
  | 'servers.logs'
  | 'servers.importPreview'
  | 'servers.import';

/** What the dashboard gets of the gateway: its handlers, and its changes (sent to open dashboards). */
export interface ServersDashboard {
  handlers: HandlerSlice<ServersChannel>;
  onChange(listener: (view: ServersView) => void): void;
}

export interface ServersHandlersDeps {
  dataDir: string;
  file: ServersFile;
  secrets: SecretStore;
  gateway: Gateway;
  /** Where client configs are looked for (this machine's OS, home and environment). */
  place: (file: string | undefined) => ImportPlace;
  now: () => number;
  /** Starts a new server once before it is kept (see server-add-check.ts). */
  check?: AddCheck;
}

/** The gateway's part of the dashboard contract: the same operations as `mcp-tray servers`. */
export function serversHandlers(deps: ServersHandlersDeps): HandlerSlice<ServersChannel> {
  const { file, gateway } = deps;
  // A change made here is followed at once, not at the next look at servers.json.
  const view = async (): Promise<ServersView> => {
    // The person looks at their servers: they start, as when a client comes.
    gateway.wake();
    await gateway.refresh();
    const problem = gateway.problem();
    return problem === undefined ? { servers: gateway.views() } : { servers: gateway.views(), problem };
  };
  const named = (name: string) => gateway.views().find((s) => s.name === name);
  return {
    'servers.list': view,
    'servers.add': async (input) => {
      const { movedToSecrets, probe } = await addServer(file, deps.secrets, input, deps.now, deps.check);
      const start =
        probe === undefined || !probe.started
          ? { started: false as const, reason: probe?.reason ?? 'it was not started yet' }
          : { started: true as const, tools: probe.tools.length };
      return { ...(await view()), movedToSecrets, start };
    },
    'servers.setEnabled': async ({ name, enabled }) => {
      await setServerEnabled(file, name, enabled);
      return view();
    },
    'servers.remove': async ({ name }) => {
      await removeServer(file, deps.secrets, name);
      return view();
    },
    'servers.approve': async ({ name }) => {
      const held = named(name)?.heldBack ?? [];
      const offered = held.flatMap((h) => (h.offered === undefined ? [] : [[h.tool, h.offered] as const]));
      await approveServer(
        file,
        name,
        named(name)?.state === 'running' ? Object.fromEntries(offered) : undefined,
      );
      return view();
    },
    'servers.logs': async ({ name }) => {
      if (!(await file.read()).servers.some((s) => s.name === name))
        throw new NotFoundError('unknown_server', `No server is named "${name}".`, { field: 'name' });
      const path = upstreamLogPath(deps.dataDir, name);
      return { lines: await readLogTail(path, 200), path };
    },
    'servers.importPreview': async ({ from, file: path }) => {
      const { describeCandidate, planImport } = await importing();
      const plan = await planImport(from, deps.place(path), file);
      return { path: plan.path, adding: plan.adding.map(describeCandidate), skipped: plan.skipped };
    },
    'servers.import': async ({ from, file: path }) => {
      const { applyImport, planImport } = await importing();
      const added = await applyImport(await planImport(from, deps.place(path), file), file, deps.secrets);
      return { ...(await view()), added };
    },
  };
}

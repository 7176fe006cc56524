import type { AppInfo, ServerStatusView } from '../../../src-shared/dashboard-contract.ts';
import { AppError } from '../app-error.ts';
import type { HandlerSlice } from '../contract-handlers.ts';
import type { ServingSwitch } from '../http/serving-switch.ts';

export type ServerChannel =
  'app.info' | 'app.openDataFolder' | 'server.status' | 'server.pause' | 'server.resume' | 'tools.list';

export interface ServerHandlersDeps {
  info: () => AppInfo;
  /** Opens a folder in the system's file manager (the desktop app); absent in the headless server. */
  openFolder?: (path: string) => Promise<void>;
  status: () => ServerStatusView;
  serving: ServingSwitch;
  /** Every tool the server offers, for choosing what a key may call. */
  tools: () => { name: string; title: string; description: string }[];
}

/** The server's own part of the contract: what it is, its state, pausing and resuming, its tools. */
export function serverHandlers(deps: ServerHandlersDeps): HandlerSlice<ServerChannel> {
  return {
    'app.info': async () => deps.info(),
    'app.openDataFolder': async () => {
      if (deps.openFolder === undefined)
        throw new AppError(
          'desktop_only',
          'Only the desktop app can open folders; copy the path and open it in your file manager.',
        );
      await deps.openFolder(deps.info().dataDir);
      return {};
    },
    'server.status': async () => deps.status(),
    'server.pause': async () => {
      deps.serving.pause();
      return deps.status();
    },
    'server.resume': async () => {
      deps.serving.resume();
      return deps.status();
    },
    'tools.list': async () => ({ tools: deps.tools() }),
  };
}

import type { TunnelView } from '../../src-shared/tunnel-view.ts';
import type { AccountView } from '../../src-shared/dashboard-contract.ts';
import type { ErrorCode } from '../../src-shared/error-codes.ts';
import type { RunningServer } from '../core/server/start-server.ts';

/** What the app's parts share: the server once it runs, or why it could not start; Quit under way. */
export interface AppState {
  server: RunningServer | undefined;
  startProblem: { code: ErrorCode; message: string } | undefined;
  quitting: boolean;
  /** Who is signed in (the tray shows it), and which providers are offered. */
  account: AccountView;
  /** The active keys the tray's Copy connector key offers. */
  trayKeys: { id: string; name: string }[];
  /** Which of the user's servers failed, in words (the tray names them). */
  serversProblem: string | undefined;
  /** The tunnel for a public URL, as the server last said. */
  tunnel: TunnelView | undefined;
}

export function initialAppState(): AppState {
  return {
    server: undefined,
    startProblem: undefined,
    quitting: false,
    account: { account: null, providers: [] },
    trayKeys: [],
    serversProblem: undefined,
    tunnel: undefined,
  };
}

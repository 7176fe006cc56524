import type { TunnelView } from '../../src-shared/tunnel-view.ts';
import { AppError, isAppError } from '../core/app-error.ts';
import type { Logger } from '../core/logger.ts';
import type { ServerConfig } from '../core/server/server-config.ts';
import type { BrowserWindow } from 'electron';
import { startServer, type RunningServer, type ServerDeps } from '../core/server/start-server.ts';
import type { AppState } from './app-state.ts';
import type { IpcAnswerer } from './ipc-answer.ts';
import { failedServersProblem } from '../core/tray/tray-model.ts';
import { dashboardIpc } from './dashboard-ipc.ts';
import { DESKTOP_HINTS, desktopStartHint } from './desktop-hints.ts';
import type { TraySetup } from './setup-tray.ts';

export interface ServerSetupDeps {
  state: AppState;
  config: ServerConfig;
  /** Everything the server needs from the app (keychain runner, browser, folders), tray hooks aside. */
  serverDeps: Omit<ServerDeps, 'inFlight'>;
  /** The core's startServer (tests pass a stand-in that fails or succeeds on cue). */
  startServer?: (config: ServerConfig, deps: ServerDeps) => Promise<RunningServer>;
  tray: TraySetup;
  /** The dashboard window, which the contract's events go to. */
  window: () => BrowserWindow | undefined;
  answerWith: (answerer: IpcAnswerer) => void;
  /** A desktop notification that opens the dashboard when clicked ("ChatGPT wants to connect"). */
  notifyApproval?: (title: string, body: string) => void;
  logger: Logger;
}

/**
 * Starts the core server in the main process and connects it to the tray and the IPC gate. A start that
 * fails (port in use, ...) shows as the tray's error state and in the dashboard, never as a crash dialog.
 */
export async function setupServer(deps: ServerSetupDeps): Promise<void> {
  const { state, tray } = deps;
  try {
    const server = await (deps.startServer ?? startServer)(deps.config, {
      ...deps.serverDeps,
      hints: DESKTOP_HINTS,
      inFlight: {
        started: () => tray.presenter.requestStarted(),
        finished: () => tray.presenter.requestFinished(),
      },
    });
    state.server = server;
    deps.answerWith(dashboardIpc(deps.window, server.dashboard).answerer);
    server.dashboard.events.on('server.status', () => tray.presenter.refresh());
    server.dashboard.events.on('keys.changed', () => void tray.reloadKeys());
    server.dashboard.events.on('servers.changed', (view) => {
      state.serversProblem = failedServersProblem(view.servers);
      tray.presenter.refresh();
    });
    server.dashboard.events.on('account.changed', (view) => tray.showAccount(view, true));
    const showTunnel = (view: TunnelView) => {
      state.tunnel = view;
      tray.presenter.refresh();
    };
    server.dashboard.events.on('tunnel.changed', showTunnel);
    server.dashboard.events.on('apps.requested', ({ clientName }) =>
      deps.notifyApproval?.(
        `${clientName} wants to connect`,
        'Click to approve or deny it in MCP Tray, or paste a key on the page in your browser.',
      ),
    );
    void server.dashboard.handlers['tunnel.get']({}).then(showTunnel, () => {});
    void server.dashboard.handlers['account.get']({}).then(
      (view) => tray.showAccount(view, false),
      () => {},
    );
  } catch (error) {
    const hint = isAppError(error) ? desktopStartHint(error) : undefined;
    const problem = isAppError(error)
      ? { code: error.code, message: hint === undefined ? error.message : `${error.message} ${hint}` }
      : { code: 'start_failed' as const, message: String(error) };
    state.startProblem = problem;
    deps.logger.error(problem.message);
    deps.answerWith(async (channel) => {
      if (channel !== 'server.status') throw new AppError(problem.code, problem.message);
      return { state: 'error', mcpUrl: '', uptimeSeconds: 0, problem, storedKeys: { available: false } };
    });
  }
  await tray.reloadKeys();
}

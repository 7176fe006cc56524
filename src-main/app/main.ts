import { app, clipboard, Notification, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appVersion } from '../core/app-version.ts';
import type { AccountView } from '../../src-shared/dashboard-contract.ts';
import type { ErrorCode } from '../../src-shared/error-codes.ts';
import { AppError, isAppError } from '../core/app-error.ts';
import { streamLogger } from '../core/logger.ts';
import { startServer, type RunningServer } from '../core/server/start-server.ts';
import { resolveServerConfig } from '../core/server/server-config.ts';
import { loadSettings, SettingsFile } from '../core/settings/settings-file.ts';
import { BusyHold } from '../core/tray/busy-hold.ts';
import { runTrayAction, type TrayActionDeps } from '../core/tray/tray-actions.ts';
import { trayModel, type TrayInput } from '../core/tray/tray-model.ts';
import { dashboardIpc } from './dashboard-ipc.ts';
import { openIpcGate } from './ipc-gate.ts';
import { dashboardWindow } from './dashboard-window.ts';
import { launchAtLogin } from './launch-at-login.ts';
import { trayController } from './tray-controller.ts';
import { utilityKeychainRunner } from './utility-keychain-runner.ts';

/**
 * The Electron entry: the core server in the main process, the tray, and the dashboard window. Every
 * decision (tray model, menu actions, window options) lives in plain functions in core/ and app/ that the
 * tests exercise; this file only connects them to Electron.
 */
const logger = streamLogger((line) => void process.stderr.write(line));

// Same V8 tuning as the CLI's shebang: a small young generation keeps GC pauses and RSS down under load.
app.commandLine.appendSwitch('js-flags', '--max-semi-space-size=8');

if (!app.requestSingleInstanceLock()) app.quit();
else run();

function run(): void {
  const root = app.getAppPath();
  const indexHtml = join(root, 'dist', 'renderer', 'index.html');
  let quitting = false;
  let server: RunningServer | undefined;
  let startProblem: { code: ErrorCode; message: string } | undefined;
  const window = dashboardWindow({
    preload: join(root, 'dist', 'src-main', 'app', 'preload.cjs'),
    indexHtml,
    quitting: () => quitting,
  });
  app.on('second-instance', () => window.show());
  // The app lives in the tray: closing its last window does not quit it.
  app.on('window-all-closed', () => {});

  void app.whenReady().then(async () => {
    if (process.platform === 'darwin') app.dock?.hide();
    const dataDir = app.getPath('userData');
    // Every IPC call passes the trusted-sender check here, whether the server started or not.
    const gate = openIpcGate(window.current, pathToFileURL(indexHtml).href);
    const settings = await loadSettings(dataDir, (message) => logger.warn(message));
    const busy = new BusyHold();
    const deps: TrayActionDeps = {
      revealKey: async (id) => {
        const handlers = server?.dashboard.handlers;
        if (handlers === undefined) throw new Error(startProblem?.message ?? 'The server is not running.');
        const { keys } = await handlers['keys.list']({});
        return {
          name: keys.find((key) => key.id === id)?.name ?? id,
          secret: (await handlers['keys.reveal']({ id })).secret,
        };
      },
      mcpUrl: () => server?.url ?? '',
      writeClipboard: (text) => clipboard.writeText(text),
      notify: (title, body) => new Notification({ title, body }).show(),
      openDashboard: () => window.show(),
      setServing: async (running) => {
        server?.dashboard.serving.set(!running);
        await refresh();
      },
      // The core opens the sign-in page in the system browser (openInBrowser below), never an embedded view.
      signIn: async (provider) => {
        await server?.dashboard.handlers['account.signIn']({ provider });
      },
      signOut: async () => {
        await server?.dashboard.handlers['account.signOut']({});
      },
      launchAtLogin: () => launchAtLogin.get(),
      setLaunchAtLogin: async (enabled) => {
        await launchAtLogin.set(enabled);
        await refresh();
      },
      quit: () => app.quit(),
    };
    const tray = trayController(join(root, 'assets', 'icons'), (action) => void runTrayAction(action, deps));
    // The keys the menu offers are read (through the keychain) only when they change; everything else the
    // tray shows is in memory, so a busy server re-renders it cheaply and only when the state changes.
    let trayKeys: { id: string; name: string }[] = [];
    let account: AccountView = { account: null, providers: [] };
    let shown = '';
    let idleCheck: NodeJS.Timeout | undefined;
    const reloadKeys = async () => {
      const listing = await server?.dashboard.handlers['keys.list']({}).catch(() => undefined);
      trayKeys = (listing?.keys ?? [])
        .filter((key) => key.status === 'active')
        .map(({ id, name }) => ({ id, name }));
      await refresh();
    };
    const refresh = async () => {
      const config = resolveServerConfig({ dataDir }, process.env, settings);
      const input: TrayInput = {
        state: startProblem ? 'error' : server?.dashboard.serving.paused ? 'paused' : 'running',
        ...(startProblem && { error: startProblem.message }),
        ...(server !== undefined &&
          !server.storedKeys.status.available && { problem: 'stored keys unavailable (see the dashboard)' }),
        busy: busy.busy(),
        host: config.host,
        port: server?.port ?? config.port,
        keys: trayKeys,
        ...(account.account !== null && { signedInAs: account.account.login }),
        signInWith: account.providers,
        launchAtLogin: launchAtLogin.get(),
      };
      const model = trayModel(input);
      const key = JSON.stringify(model);
      if (key !== shown) tray.render(model);
      shown = key;
      const later = busy.nextChangeIn();
      if (later !== undefined && idleCheck === undefined) {
        idleCheck = setTimeout(() => {
          idleCheck = undefined;
          void refresh();
        }, later + 10);
      }
    };

    try {
      const config = resolveServerConfig({ dataDir }, process.env, settings);
      server = await startServer(config, {
        logger,
        version: appVersion(root),
        keychainRunner: utilityKeychainRunner,
        // RFC 8252: sign-in happens in the system browser; the URL is always the app's own start page.
        openInBrowser: (url) => void shell.openExternal(url),
        // shell.openPath answers with an error message, or '' when the folder opened.
        openFolder: async (path) => {
          const problem = await shell.openPath(path);
          if (problem !== '') throw new Error(`Could not open ${path}: ${problem}`);
        },
        inFlight: {
          started: () => {
            const wasBusy = busy.busy();
            busy.started();
            if (!wasBusy) void refresh();
          },
          finished: () => {
            busy.finished();
            // One pending idle check is enough: it re-renders when the hold has passed.
            if (idleCheck === undefined) void refresh();
          },
        },
      });
      gate.answerWith(dashboardIpc(window.current, server.dashboard).answerer);
      server.dashboard.events.on('server.status', () => void refresh());
      server.dashboard.events.on('keys.changed', () => void reloadKeys());
      const showAccount = (view: AccountView, announce: boolean) => {
        // The browser says "return to MCP Tray": the app confirms it heard, once per sign-in.
        if (announce && view.account !== null && account.account?.login !== view.account.login)
          deps.notify('Signed in', `MCP Tray: signed in as @${view.account.login}.`);
        account = view;
        void refresh();
      };
      server.dashboard.events.on('account.changed', (view) => showAccount(view, true));
      void server.dashboard.handlers['account.get']({}).then(
        (view) => showAccount(view, false),
        () => {},
      );
    } catch (error) {
      // Start-up failures (port in use, ...) show as the tray's error state and in the dashboard, never as a crash.
      startProblem = isAppError(error)
        ? { code: error.code, message: error.message }
        : { code: 'start_failed', message: String(error) };
      logger.error(startProblem.message);
      const problem = startProblem;
      gate.answerWith(async (channel) => {
        if (channel !== 'server.status') throw new AppError(problem.code, problem.message);
        return { state: 'error', mcpUrl: '', uptimeSeconds: 0, problem, storedKeys: { available: false } };
      });
    }
    await reloadKeys();
    if (!settings.welcomed && !process.argv.includes('--hidden')) {
      window.show();
      await new SettingsFile(dataDir).update({ welcomed: true }).catch(() => {});
    }
  });

  app.on('before-quit', (event) => {
    quitting = true;
    if (!server) return;
    event.preventDefault();
    const closing = server;
    server = undefined;
    void closing.close().finally(() => app.quit());
  });
}

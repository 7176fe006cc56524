import { app } from 'electron';
import { join } from 'node:path';
import { streamLogger } from '../core/logger.ts';
import { resolveServerConfig } from '../core/server/server-config.ts';
import { loadSettings, SettingsFile } from '../core/settings/settings-file.ts';
import { initialAppState } from './app-state.ts';
import { isBridgeLaunch, runBridgeEntry } from './bridge-entry.ts';
import { desktopServerDeps, desktopTrayDeps, notifyWithClick } from './desktop-services.ts';
import { dashboardWindow } from './dashboard-window.ts';
import { openIpcGate } from './ipc-gate.ts';
import { setupFirstRun } from './setup-first-run.ts';
import { setupQuit } from './setup-quit.ts';
import { setupServer } from './setup-server.ts';
import { setupTray } from './setup-tray.ts';

/**
 * The Electron entry, as a table of contents: one setupX() per part, each taking what it needs (tested with
 * fakes in tests/unit/app/); every decision lives in core/ and in those functions, not here.
 */
const logger = streamLogger((line) => void process.stderr.write(line));

// The CLI's small young generation (its shebang), for the processes Electron starts from here on (the
// dashboard's renderer); the main process's own V8 takes flags only from the command line it started with.
app.commandLine.appendSwitch('js-flags', '--max-semi-space-size=8');

if (isBridgeLaunch(process.argv)) runBridgeEntry(process.argv, logger);
else main();

function main(): void {
  if (!app.requestSingleInstanceLock()) return void app.quit();
  const root = app.getAppPath();
  const indexHtml = join(root, 'dist', 'renderer', 'index.html');
  const state = initialAppState();
  const window = dashboardWindow({
    preload: join(root, 'dist', 'src-main', 'app', 'preload.cjs'),
    indexHtml,
    quitting: () => state.quitting,
  });
  // A second launch focuses the dashboard instead of fighting over the port.
  app.on('second-instance', () => window.show());
  // The app lives in the tray: closing its last window does not quit it.
  app.on('window-all-closed', () => {});
  setupQuit({ state, onBeforeQuit: (listener) => app.on('before-quit', listener), quit: () => app.quit() });
  void app.whenReady().then(() => onReady(root, indexHtml, state, window));
}

async function onReady(
  root: string,
  indexHtml: string,
  state: ReturnType<typeof initialAppState>,
  window: ReturnType<typeof dashboardWindow>,
): Promise<void> {
  if (process.platform === 'darwin') app.dock?.hide();
  const dataDir = app.getPath('userData');
  const settings = await loadSettings(dataDir, (message) => logger.warn(message));
  const config = resolveServerConfig({ dataDir }, process.env, settings);
  // Every IPC call passes the trusted-sender check here, whether the server started or not.
  const gate = openIpcGate(window.current, window.pageUrl);
  const tray = setupTray({
    state,
    ...desktopTrayDeps(root),
    address: () => ({ host: config.host, port: config.port }),
    openDashboard: () => window.show(),
    quit: () => app.quit(),
  });
  await setupServer({
    state,
    config,
    serverDeps: desktopServerDeps(root, logger),
    tray,
    window: window.current,
    answerWith: (answerer) => gate.answerWith(answerer),
    notifyApproval: (title, body) => notifyWithClick(title, body, () => window.show()),
    logger,
  });
  await setupFirstRun({
    settings,
    argv: process.argv,
    showWindow: () => window.show(),
    markWelcomed: () => new SettingsFile(dataDir).update({ welcomed: true }),
  });
}

import { app } from 'electron';
import { appVersion } from '../core/app-version.ts';
import { isAppError } from '../core/app-error.ts';
import { streamLogger } from '../core/logger.ts';
import { startServer, type RunningServer } from '../core/mcp-tray-server.ts';
import { resolveServerConfig } from '../core/server-config.ts';
import { loadSettings } from '../core/settings/settings-file.ts';

/**
 * The Electron entry. For now it only runs the core server in the main process; the tray, the windows and
 * the dashboard arrive in their own issues, each as one setupX() here.
 */
const logger = streamLogger((line) => void process.stderr.write(line));
let server: RunningServer | undefined;

// Same V8 tuning as the CLI's shebang: a small young generation keeps GC pauses and RSS down under load.
app.commandLine.appendSwitch('js-flags', '--max-semi-space-size=8');

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  try {
    const dataDir = app.getPath('userData');
    const settings = await loadSettings(dataDir, (message) => logger.warn(message));
    const config = resolveServerConfig({ dataDir }, process.env, settings);
    server = await startServer(config, { logger, version: appVersion(app.getAppPath()) });
    logger.info(`MCP server listening on ${server.url}`);
  } catch (error) {
    logger.error(isAppError(error) ? error.message : String(error));
  }
});

app.on('before-quit', (event) => {
  if (!server) return;
  event.preventDefault();
  const closing = server;
  server = undefined;
  void closing.close().finally(() => app.quit());
});

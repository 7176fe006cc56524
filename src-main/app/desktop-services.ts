import { app, clipboard, dialog, Notification, shell } from 'electron';
import { join } from 'node:path';
import { appVersion } from '../core/app-version.ts';
import type { Logger } from '../core/logger.ts';
import type { ServerDeps } from '../core/server/start-server.ts';
import { launchAtLogin } from './launch-at-login.ts';
import type { TraySetupDeps } from './setup-tray.ts';
import { trayController } from './tray-controller.ts';
import { exposedGc } from './exposed-gc.ts';
import { utilityKeychainRunner } from './utility-keychain-runner.ts';

/** What the server gets from the desktop: a killable keychain helper, the system browser, the file manager. */
export function desktopServerDeps(root: string, logger: Logger): Omit<ServerDeps, 'inFlight'> {
  return {
    logger,
    version: appVersion(root),
    keychainRunner: utilityKeychainRunner,
    memoryReducingCollection: exposedGc(),
    // Clients start the app itself as their bridge (bridge-entry.ts): no Node.js needed on the computer.
    // It follows the data folder and the port in Settings by itself, so it is told neither.
    bridge: () => ({
      command: process.execPath,
      args: app.isPackaged ? ['--bridge'] : [app.getAppPath(), '--bridge'],
    }),
    // RFC 8252: sign-in happens in the system browser; the URL is always the app's own start page.
    openInBrowser: (url) => void shell.openExternal(url),
    // shell.openPath answers with an error message, or '' when the folder opened.
    openFolder: async (path) => {
      const problem = await shell.openPath(path);
      if (problem !== '') throw new Error(`Could not open ${path}: ${problem}`);
    },
    // Folders' Choose: the system's own picker.
    pickFolder: async () => {
      const picked = await dialog.showOpenDialog({
        title: 'Choose a folder for search and fetch',
        properties: ['openDirectory'],
      });
      return picked.canceled ? undefined : picked.filePaths[0];
    },
  };
}

/** What the tray gets from the desktop: Electron's tray, clipboard, notifications and login items. */
export function desktopTrayDeps(
  root: string,
): Pick<TraySetupDeps, 'makeTray' | 'launchAtLogin' | 'writeClipboard' | 'notify'> {
  return {
    makeTray: (run) => trayController(join(root, 'assets', 'icons'), run),
    launchAtLogin,
    writeClipboard: (text) => clipboard.writeText(text),
    notify: (title, body) => new Notification({ title, body }).show(),
  };
}

/** A notification whose click runs `onClick` (opens the dashboard where the request is answered). */
export function notifyWithClick(title: string, body: string, onClick: () => void): void {
  const notification = new Notification({ title, body });
  notification.on('click', onClick);
  notification.show();
}

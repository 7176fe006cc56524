import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import { dashboardWindowOptions } from './window-options.ts';

export interface DashboardWindowDeps {
  preload: string;
  indexHtml: string;
  /** True once the user chose Quit: only then does closing the window let it go. */
  quitting: () => boolean;
}

/** One dashboard window, made on demand; closing hides it (the app lives on in the tray). */
export function dashboardWindow(deps: DashboardWindowDeps) {
  let window: BrowserWindow | undefined;
  const create = () => {
    const created = new BrowserWindow(dashboardWindowOptions(deps.preload));
    created.webContents.on('will-navigate', (event) => event.preventDefault());
    // The page never opens windows or URLs: the core opens sign-in pages in the system browser itself.
    created.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    created.on('close', (event) => {
      if (deps.quitting()) return;
      event.preventDefault();
      created.hide();
    });
    created.once('ready-to-show', () => created.show());
    void created.loadFile(deps.indexHtml);
    return created;
  };
  return {
    current: () => window,
    /** The page's file: URL, which the IPC gate checks every sender against. */
    pageUrl: pathToFileURL(deps.indexHtml).href,
    show: () => {
      if (window === undefined || window.isDestroyed()) window = create();
      else {
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
      }
    },
  };
}

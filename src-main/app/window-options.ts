import type { BrowserWindowConstructorOptions } from 'electron';

export { CONTENT_SECURITY_POLICY as APP_CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy.ts';

/**
 * The dashboard window, locked down per Electron's security checklist: isolated, sandboxed, no Node in the
 * page, no webviews, no insecure content. The page talks to the core only through the preload's contract.
 */
export function dashboardWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1120,
    height: 780,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'MCP Tray',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

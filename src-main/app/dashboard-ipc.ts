import type { BrowserWindow, IpcMain } from 'electron';
import { EVENT_CHANNELS } from '../../src-shared/dashboard-contract.ts';
import { isAppError } from '../core/app-error.ts';
import type { Dashboard } from '../core/dashboard/setup-dashboard.ts';
import { invokeChannel } from '../core/dashboard/dashboard-handlers.ts';
import { isTrustedSender } from './trusted-sender.ts';

/**
 * The desktop door of the dashboard contract: the same handler map as the web door, over IPC. Only our own
 * window, showing our own page, may call; every input is checked against the contract where it arrives.
 */
export function setupDashboardIpc(
  ipcMain: IpcMain,
  window: () => BrowserWindow | undefined,
  dashboard: Dashboard,
  appUrl: string,
): () => void {
  ipcMain.handle('contract:invoke', async (event, channel: unknown, input: unknown) => {
    const own = window();
    if (
      own === undefined ||
      event.sender !== own.webContents ||
      !isTrustedSender(event.senderFrame?.url, appUrl)
    ) {
      return {
        ok: false,
        error: { code: 'forbidden_sender', message: 'Only the MCP Tray window may call the dashboard.' },
      };
    }
    try {
      return { ok: true, value: await invokeChannel(dashboard.handlers, String(channel), input) };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'internal_error', message: 'The call failed; see the log.' } };
    }
  });
  const stops = EVENT_CHANNELS.map((channel) =>
    dashboard.events.on(channel, (payload) => window()?.webContents.send('contract:event', channel, payload)),
  );
  return () => {
    ipcMain.removeHandler('contract:invoke');
    for (const stop of stops) stop();
  };
}

import type { BrowserWindow } from 'electron';
import { EVENT_CHANNELS } from '../../src-shared/dashboard-contract.ts';
import { IPC_EVENT } from '../../src-shared/ipc-channels.ts';
import type { Dashboard } from '../core/dashboard/setup-dashboard.ts';
import { invokeChannel } from '../core/dashboard/dashboard-handlers.ts';
import type { IpcAnswerer } from './ipc-answer.ts';

/**
 * The desktop door of the dashboard contract: the same handler map as the web door, answered through the IPC
 * gate (which checks the sender); every input is checked against the contract where it arrives. Events go
 * to our window only.
 */
export function dashboardIpc(
  window: () => BrowserWindow | undefined,
  dashboard: Dashboard,
): { answerer: IpcAnswerer; stop: () => void } {
  const stops = EVENT_CHANNELS.map((channel) =>
    dashboard.events.on(channel, (payload) => window()?.webContents.send(IPC_EVENT, channel, payload)),
  );
  return {
    answerer: (channel, input) => invokeChannel(dashboard.handlers, channel, input),
    stop: () => {
      for (const stop of stops) stop();
    },
  };
}

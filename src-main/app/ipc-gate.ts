import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_INVOKE } from '../../src-shared/ipc-channels.ts';
import { ipcAnswer, type IpcAnswerer } from './ipc-answer.ts';

/**
 * The one place that touches ipcMain (a lint rule keeps it so): a single handler for the contract, through
 * the trusted-sender check for every call, whatever answers behind it. `answerWith` swaps the answerer (the
 * start failure's until the server runs, then the dashboard's).
 */
export function openIpcGate(
  window: () => BrowserWindow | undefined,
  appUrl: string,
): { answerWith(answerer: IpcAnswerer): void; close(): void } {
  let answerer: IpcAnswerer = () => Promise.reject(new Error('MCP Tray is starting.'));
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) =>
    ipcAnswer(event, window(), appUrl, answerer, channel, input),
  );
  return {
    answerWith(next) {
      answerer = next;
    },
    close: () => ipcMain.removeHandler(IPC_INVOKE),
  };
}

import type { IpcAnswer } from '../../src-shared/ipc-channels.ts';
import { callError } from '../core/dashboard/call-error.ts';
import { isTrustedSender } from './trusted-sender.ts';

/** What the gate knows of a call's sender (an Electron IpcMainInvokeEvent has these). */
export interface IpcCaller {
  sender: unknown;
  senderFrame?: { url?: string } | null;
}

/** What answers a trusted call: the dashboard once the server runs, the start failure otherwise. */
export type IpcAnswerer = (channel: string, input: unknown) => Promise<unknown>;

const REFUSED: IpcAnswer = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'Only the MCP Tray window may call the dashboard.' },
};

/**
 * The one decision of the IPC gate: only our own window, showing our own page, is answered, whichever
 * answerer is in place; every failure becomes `{ok: false, error: {code, message}}`, never a thrown error.
 */
export async function ipcAnswer(
  call: IpcCaller,
  own: { webContents: unknown } | undefined,
  appUrl: string,
  answerer: IpcAnswerer,
  channel: unknown,
  input: unknown,
): Promise<IpcAnswer> {
  if (
    own === undefined ||
    call.sender !== own.webContents ||
    !isTrustedSender(call.senderFrame?.url ?? undefined, appUrl)
  )
    return REFUSED;
  try {
    return { ok: true, value: await answerer(String(channel), input) };
  } catch (error) {
    return { ok: false, error: callError(error).error };
  }
}

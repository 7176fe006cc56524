import type { CallError } from './error-codes.ts';

/**
 * The two Electron IPC channels of the dashboard contract: one to invoke a contract channel, one for its
 * events. The preload (self-contained, it cannot import) repeats these two strings; a test holds it to them.
 */
export const IPC_INVOKE = 'contract:invoke';
export const IPC_EVENT = 'contract:event';

/** What an IPC invoke answers: the value, or the call's error (the shape the web door answers too). */
export type IpcAnswer = { ok: true; value: unknown } | { ok: false; error: CallError };

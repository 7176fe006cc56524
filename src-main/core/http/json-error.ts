import type { ErrorCode } from '../../../src-shared/error-codes.ts';
import type { Response } from 'express';

/** Every error this server sends is JSON: `{error: <stable code>, message: <what to do>, ...details}`. */
export function sendJsonError(
  res: Response,
  status: number,
  error: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): void {
  // The audit log records which error a request got (a 503 of a paused server is not "no key").
  res.locals['errorCode'] = error;
  res.status(status).json({ error, message, ...details });
}

/** A JSON-RPC error with `id: null`, for bodies that never became a request. */
export function sendJsonRpcError(res: Response, status: number, code: number, message: string): void {
  res.status(status).json({ jsonrpc: '2.0', id: null, error: { code, message } });
}

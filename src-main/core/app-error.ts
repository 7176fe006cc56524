import type { ErrorCode } from '../../src-shared/error-codes.ts';

/**
 * An error a person can act on: `message` says what happened and what to do, `code` is stable for
 * programs (tests, the dashboard, exit codes). Never put a secret in either.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.exitCode = options.exitCode ?? 1;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

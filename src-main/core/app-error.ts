import type { ErrorCode } from '../../src-shared/error-codes.ts';

/**
 * An error a person can act on: `message` says what happened and what to do, `code` is stable for
 * programs (tests, the dashboard). Messages name no command-line flag or screen: each entry point (the CLI,
 * the desktop app, HTTP) adds its own hint and picks its own exit code or status from the error's class.
 * Never put a secret in a message or in the data an error carries.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
  }
}

/** Something a person gave is not accepted: a flag, a form field, an environment variable, a name. */
export class InputError extends AppError {
  /** What was given wrongly, as the person gave it (`port`, `MCP_API_KEYS`, `expiresAt`), when known. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'InputError';
    this.field = options.field;
  }
}

/** A name or id that names nothing (a key, an owner, a dashboard channel). */
export class NotFoundError extends InputError {
  constructor(code: ErrorCode, message: string, options: { field?: string } = {}) {
    super(code, message, options);
    this.name = 'NotFoundError';
  }
}

/** The secret store (the OS keychain, or the secrets file in file mode) cannot be used as asked. */
export class KeychainError extends AppError {
  constructor(code: ErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'KeychainError';
  }
}

/** The server could not listen where it was told to; `freePort` is one checked to be free, if any. */
export class ListenError extends AppError {
  readonly host: string;
  readonly port: number;
  readonly freePort: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    where: { host: string; port: number; freePort?: number | undefined; cause?: unknown },
  ) {
    super(code, message, { cause: where.cause });
    this.name = 'ListenError';
    this.host = where.host;
    this.port = where.port;
    this.freePort = where.freePort;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

import type { CallError } from '../../../src-shared/error-codes.ts';
import { InputError, isAppError } from '../app-error.ts';
import { httpStatusOf } from '../http/error-status.ts';

/**
 * What a failed dashboard call answers, on either door: an AppError's code, message and field; anything
 * else is a fault of ours, answered as `internal_error` without its details (the log has them).
 */
export function callError(error: unknown): { error: CallError; status: number; expected: boolean } {
  if (!isAppError(error))
    return {
      error: { code: 'internal_error', message: 'The call failed; see the log.' },
      status: 500,
      expected: false,
    };
  const field = error instanceof InputError ? error.field : undefined;
  return {
    error: { code: error.code, message: error.message, ...(field !== undefined && { field }) },
    status: httpStatusOf(error),
    expected: true,
  };
}

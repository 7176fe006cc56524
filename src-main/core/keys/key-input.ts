import type { ErrorCode } from '../../../src-shared/error-codes.ts';
import { permissionProblem, PERMISSION_FORMS } from '../../../src-shared/permissions.ts';
import { KEY_NAME_MAX, RATE_LIMIT_MAX } from '../../../src-shared/key-limits.ts';
import { InputError } from '../app-error.ts';
import type { RateLimit } from './quantity-parsers.ts';

/** Checks of what a person types when making or changing a key; each failure says what is accepted. */
export function usage(code: ErrorCode, message: string, field?: string): InputError {
  return new InputError(code, message, field === undefined ? {} : { field });
}

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > KEY_NAME_MAX)
    throw usage(
      'invalid_key_name',
      `A key needs a name of 1 to ${KEY_NAME_MAX} characters, such as "Cursor on my laptop".`,
    );
  return trimmed;
}

export function checkPermissions(permissions: string[]): string[] {
  if (permissions.length === 0)
    throw usage('invalid_permissions', `A key needs at least one permission: ${PERMISSION_FORMS}.`);
  for (const permission of permissions) {
    const problem = permissionProblem(permission);
    if (problem !== undefined) throw usage('invalid_permissions', `Permission ${problem}.`);
  }
  return [...new Set(permissions)];
}

/** A rate limit from any door: whole numbers, at most RATE_LIMIT_MAX requests, a window of at most a day. */
export function checkRateLimit(rate: RateLimit | null | undefined): RateLimit | null | undefined {
  if (rate === null || rate === undefined) return rate;
  const whole = (n: number) => Number.isSafeInteger(n) && n > 0;
  if (
    !whole(rate.limit) ||
    !whole(rate.windowSeconds) ||
    rate.limit > RATE_LIMIT_MAX ||
    rate.windowSeconds > 86_400
  )
    throw usage(
      'invalid_rate',
      `A rate limit is 1 to ${RATE_LIMIT_MAX.toLocaleString('en')} requests per second, minute or hour.`,
    );
  return rate;
}

import { AppError, InputError, KeychainError, NotFoundError } from '../app-error.ts';

/**
 * The HTTP status of an AppError, decided here once for every route that answers one: a name that names
 * nothing is 404, a keychain that cannot be used 503 (worth trying again once it is unlocked), a sign-in
 * provider out of reach 502, and the rest, bad input or a refusal of what the state does not allow (the last
 * owner, a file another process holds), 400.
 */
export function httpStatusOf(error: AppError): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof InputError) return 400;
  if (error instanceof KeychainError) return 503;
  if (error.code === 'provider_unreachable') return 502;
  return 400;
}

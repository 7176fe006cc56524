import type { RequestHandler } from 'express';
import type { RateLimiter } from '../auth/rate-limiter.ts';
import { sendJsonError } from './json-error.ts';

/** Spends one token of the caller's bucket; tells every response where it stands, and refuses with 429 when empty. */
export function rateLimit(limiter: RateLimiter): RequestHandler {
  return (req, res, next) => {
    const match = req.keyMatch;
    if (match === undefined) return next();
    const decision = limiter.take(match.caller.keyId, match.rateLimit);
    res.setHeader('RateLimit-Limit', String(decision.limit));
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    res.setHeader('RateLimit-Reset', String(decision.resetSeconds));
    if (decision.allowed) return next();
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    sendJsonError(
      res,
      429,
      'rate_limited',
      `The key "${match.caller.keyName}" is over its limit of ${decision.limit} requests; try again in ${decision.retryAfterSeconds} seconds.`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  };
}

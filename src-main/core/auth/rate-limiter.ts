import type { RateLimit } from '../keys/quantity-parsers.ts';

export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 600, windowSeconds: 60 };

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** When refused: seconds until one more request is allowed. */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
  rate: RateLimit;
}

/**
 * A token bucket per key: it holds up to `limit` requests and refills at `limit` per window, so a key may
 * burst to its limit and then sustain its rate. A key's own limit replaces the default.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly defaultRate: RateLimit;

  constructor(defaultRate: RateLimit = DEFAULT_RATE_LIMIT, now: () => number = Date.now) {
    this.defaultRate = defaultRate;
    this.now = now;
  }

  take(keyId: string, own?: RateLimit): RateDecision {
    const rate = own ?? this.defaultRate;
    const perMs = rate.limit / (rate.windowSeconds * 1000);
    const now = this.now();
    let bucket = this.buckets.get(keyId);
    if (
      bucket === undefined ||
      bucket.rate.limit !== rate.limit ||
      bucket.rate.windowSeconds !== rate.windowSeconds
    ) {
      bucket = { tokens: rate.limit, at: now, rate };
      this.buckets.set(keyId, bucket);
    }
    bucket.tokens = Math.min(rate.limit, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return {
      allowed,
      limit: rate.limit,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((rate.limit - bucket.tokens) / perMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
    };
  }
}

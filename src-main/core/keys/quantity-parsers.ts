import { RATE_LIMIT_MAX } from '../../../src-shared/key-limits.ts';
import { InputError } from '../app-error.ts';

const UNITS_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const RATE_UNITS_S: Record<string, number> = { s: 1, sec: 1, min: 60, m: 60, h: 3600, hour: 3600 };

export const DURATION_FORMS = '90s, 10m, 12h or 30d';
export const RATE_FORMS = '120/min, 5/s or 1000/h';

/** A duration like `90s`, `10m`, `12h`, `30d`, in milliseconds. */
export function parseDuration(value: string, what = 'duration'): number {
  const match = /^(\d+)([smhd])$/.exec(value.trim());
  const amount = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new InputError(
      'invalid_duration',
      `"${value}" is not a valid ${what}; use a whole number and a unit: ${DURATION_FORMS}.`,
    );
  }
  return amount * (UNITS_MS[match[2] as string] as number);
}

export interface RateLimit {
  /** Requests allowed per window (also the burst size). */
  limit: number;
  windowSeconds: number;
}

/** A rate like `120/min` or `5/s`. */
export function parseRate(value: string): RateLimit {
  const match = /^(\d+)\s*\/\s*([a-z]+)$/.exec(value.trim().toLowerCase());
  const limit = Number(match?.[1]);
  const windowSeconds = match ? RATE_UNITS_S[match[2] as string] : undefined;
  if (!match || windowSeconds === undefined || !Number.isSafeInteger(limit) || limit <= 0) {
    throw new InputError('invalid_rate', `"${value}" is not a rate; use requests per unit: ${RATE_FORMS}.`);
  }
  if (limit > RATE_LIMIT_MAX) {
    throw new InputError(
      'invalid_rate',
      `"${value}" allows more than ${RATE_LIMIT_MAX.toLocaleString('en')} requests per ${match[2]}, which is no limit at all; give a smaller number, or leave the default.`,
    );
  }
  return { limit, windowSeconds };
}

export function formatRate(rate: RateLimit): string {
  const unit =
    rate.windowSeconds === 1
      ? 's'
      : rate.windowSeconds === 60
        ? 'min'
        : rate.windowSeconds === 3600
          ? 'h'
          : `${rate.windowSeconds}s`;
  return `${rate.limit}/${unit}`;
}

/** Bounds on what a key may be given, shared by the CLI, the dashboard's forms and the schemas behind them. */

export const KEY_NAME_MAX = 100;

/** Requests per window a key's rate limit may allow: past this a limit means nothing. */
export const RATE_LIMIT_MAX = 1_000_000;

/** The windows a rate limit is counted over, as the dialog offers them and the CLI writes them. */
export const RATE_WINDOWS = [
  { seconds: 1, label: 'per second', short: 's' },
  { seconds: 60, label: 'per minute', short: 'min' },
  { seconds: 3600, label: 'per hour', short: 'h' },
] as const;

/** A rate as people write it: `5/s`, `120/min`, `1000/h` (other windows as `10/30s`). */
export function rateText(rate: { limit: number; windowSeconds: number }): string {
  const window = RATE_WINDOWS.find((w) => w.seconds === rate.windowSeconds);
  return `${rate.limit}/${window?.short ?? `${rate.windowSeconds}s`}`;
}

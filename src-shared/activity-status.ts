import type { ActivityStatus } from './dashboard-contract.ts';

/** Whether an answer's HTTP status is of the kind the Activity filter asks for (core and dashboard alike). */
export function statusMatches(status: number, wanted: ActivityStatus): boolean {
  if (wanted === 'ok') return status < 400;
  if (wanted === 'refused') return status === 401 || status === 403;
  if (wanted === 'limited') return status === 429;
  return status >= 400 && status !== 401 && status !== 403 && status !== 429;
}

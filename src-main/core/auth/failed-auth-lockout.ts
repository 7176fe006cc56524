/** More than this many bad keys from one client (address and door, see lockoutClient) within the window locks it out. */
export const MAX_FAILURES = 20;
export const FAILURE_WINDOW_MS = 60_000;
export const LOCKOUT_MS = 5 * 60_000;

/**
 * Counts failed authentications per client (an address, by loopback or by a tunnel's host). A client that
 * sends more than 20 bad keys in a minute is refused (even with a good key) for five minutes, so a key cannot
 * be guessed through a tunnel.
 */
export class FailedAuthLockout {
  private readonly failures = new Map<string, number[]>();
  private readonly lockedUntil = new Map<string, number>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Seconds the address must still wait, or 0 when it may try. */
  retryAfterSeconds(address: string): number {
    const until = this.lockedUntil.get(address);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return Math.ceil(left / 1000);
    this.lockedUntil.delete(address);
    return 0;
  }

  recordFailure(address: string): void {
    const now = this.now();
    const recent = (this.failures.get(address) ?? []).filter((at) => now - at < FAILURE_WINDOW_MS);
    recent.push(now);
    if (recent.length > MAX_FAILURES) {
      this.lockedUntil.set(address, now + LOCKOUT_MS);
      this.failures.delete(address);
    } else {
      this.failures.set(address, recent);
    }
  }
}

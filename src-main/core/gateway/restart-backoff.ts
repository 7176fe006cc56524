/** Restarts wait 1 s, doubling up to a minute; a minute of health forgets earlier failures. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
const HEALTHY_MS = 60_000;
/** Failures in a row (none healthy for a minute) after which a server is left `failed`. */
const MAX_FAILURES = 8;

/** When a server that went down is started again, and when it is given up on. */
export class RestartBackoff {
  private failures = 0;
  private healthy: NodeJS.Timeout | undefined;

  /** It came up: a minute of health forgets the failures before. */
  up(): void {
    clearTimeout(this.healthy);
    this.healthy = setTimeout(() => (this.failures = 0), HEALTHY_MS);
    this.healthy.unref();
  }

  /** It went down: how long to wait before starting it again, or undefined once it failed too often. */
  down(): number | undefined {
    clearTimeout(this.healthy);
    this.failures += 1;
    if (this.failures >= MAX_FAILURES) return undefined;
    return Math.min(FIRST_RETRY_MS * 2 ** (this.failures - 1), MAX_RETRY_MS);
  }

  /** Stopped on purpose, or started afresh: nothing counts against it. */
  reset(): void {
    clearTimeout(this.healthy);
    this.failures = 0;
  }

  /** Stopped on purpose: a health timer still running must not outlive it. */
  pause(): void {
    clearTimeout(this.healthy);
  }
}

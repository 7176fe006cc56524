/** How long the busy icon stays after the last request, so bursts of short requests do not make it flicker. */
export const BUSY_HOLD_MS = 1_000;

/**
 * Tracks requests in flight and says whether the tray should show busy: while any request runs, and for a
 * second after the last one ends, so the icon holds each state at least a second.
 */
export class BusyHold {
  private inFlight = 0;
  private lastActivity: number | undefined;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  started(): void {
    this.inFlight += 1;
    this.lastActivity = this.now();
  }

  finished(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.lastActivity = this.now();
  }

  busy(): boolean {
    return (
      this.inFlight > 0 || (this.lastActivity !== undefined && this.now() - this.lastActivity < BUSY_HOLD_MS)
    );
  }

  /** Milliseconds until busy() turns false by itself (to schedule the next tray update), or undefined. */
  nextChangeIn(): number | undefined {
    if (this.inFlight > 0 || this.lastActivity === undefined || !this.busy()) return undefined;
    return BUSY_HOLD_MS - (this.now() - this.lastActivity);
  }
}

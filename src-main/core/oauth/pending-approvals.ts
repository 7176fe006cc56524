import type { ApprovalPreset } from '../../../src-shared/approval-presets.ts';

/** An app waiting for the owner's answer in MCP Tray (Keys > Connected apps, or the notification). */
export interface PendingApproval {
  uid: string;
  clientName: string;
  redirectHost: string;
  askedAt: number;
  /** The owner's answer, once given: what the app may do, or no. */
  decision?: { kind: 'owner'; preset: ApprovalPreset } | 'denied';
}

/** At most this many wait at once (anyone on the internet can start one); the oldest goes first. */
const MAX_PENDING = 10;
/** As long as the authorization request itself lasts. */
const PENDING_MS = 10 * 60_000;

/**
 * Authorization requests the owner can answer from the dashboard instead of pasting a key: listed while the
 * consent page is open, answered there, and read back by the consent page (which then finishes the request).
 * Kept in memory only: a request outlives neither the server nor ten minutes.
 */
export class PendingApprovals {
  private readonly items = new Map<string, PendingApproval>();
  private readonly now: () => number;
  onChange: () => void = () => {};

  constructor(now: () => number) {
    this.now = now;
  }

  /** Lists a request (once per uid); true when it is new. */
  ask(request: Omit<PendingApproval, 'askedAt' | 'decision'>): boolean {
    this.expire();
    if (this.items.has(request.uid)) return false;
    if (this.items.size >= MAX_PENDING) this.items.delete(this.items.keys().next().value ?? '');
    this.items.set(request.uid, { ...request, askedAt: this.now() });
    this.onChange();
    return true;
  }

  /** The requests still waiting for an answer, oldest first. */
  waiting(): PendingApproval[] {
    this.expire();
    return [...this.items.values()].filter((item) => item.decision === undefined);
  }

  /** Records the owner's answer; false when the request is gone (answered, expired). */
  decide(uid: string, decision: NonNullable<PendingApproval['decision']>): boolean {
    this.expire();
    const item = this.items.get(uid);
    if (item === undefined || item.decision !== undefined) return false;
    item.decision = decision;
    this.onChange();
    return true;
  }

  /** The answer for `uid`, taken (a request is answered once), or undefined while there is none. */
  take(uid: string): PendingApproval['decision'] {
    const decision = this.items.get(uid)?.decision;
    if (decision !== undefined) this.items.delete(uid);
    return decision;
  }

  /** Forgets a request answered on its page (a pasted key, Deny). */
  forget(uid: string): void {
    if (this.items.delete(uid)) this.onChange();
  }

  private expire(): void {
    const now = this.now();
    for (const [uid, item] of this.items) if (now - item.askedAt > PENDING_MS) this.items.delete(uid);
  }
}

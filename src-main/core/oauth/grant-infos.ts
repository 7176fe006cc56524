import type { OAuthStore } from './oauth-store.ts';

const MODEL = 'GrantInfo';
/** Last use is written at most this often per grant (it is read for "last used", not for security). */
const USE_WRITE_MS = 60_000;

/** What Connected apps shows of a grant, beside what oidc-provider keeps of it. */
export interface GrantInfo {
  grantId: string;
  clientId: string;
  clientName: string;
  /** The host the approval was sent back to (chatgpt.com, claude.ai...). */
  redirectHost: string;
  /** The key that approved it: its id and name at the time ('' when the owner approved it in MCP Tray). */
  keyId: string;
  approvedBy: string;
  /** For an owner's approval: what the app may do (a key's approval follows the key's permissions). */
  permissions?: string[];
  createdAt: number;
  lastUsedAt: number | null;
}

/** Grants' descriptions, kept in the OAuth store beside the grants (they go when their grant goes). */
export class GrantInfos {
  private readonly store: OAuthStore;
  private readonly now: () => number;
  private readonly written = new Map<string, number>();

  constructor(store: OAuthStore, now: () => number) {
    this.store = store;
    this.now = now;
  }

  record(info: Omit<GrantInfo, 'createdAt' | 'lastUsedAt'>): Promise<void> {
    const full: GrantInfo = { ...info, createdAt: this.now(), lastUsedAt: null };
    return this.save(full);
  }

  get(grantId: string): GrantInfo | undefined {
    return this.store.find(MODEL, grantId) as GrantInfo | undefined;
  }

  /** Every grant still in force, newest first. */
  list(): GrantInfo[] {
    const live = new Set(this.store.entries('Grant').map((entry) => entry.id));
    return this.store
      .entries(MODEL)
      .map((entry) => entry.payload as unknown as GrantInfo)
      .filter((info) => live.has(info.grantId))
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Notes a use of the grant's token; written now and then. */
  used(grantId: string): void {
    const info = this.get(grantId);
    if (info === undefined) return;
    const now = this.now();
    info.lastUsedAt = now;
    if (now - (this.written.get(grantId) ?? 0) < USE_WRITE_MS) return;
    this.written.set(grantId, now);
    void this.save(info).catch(() => {});
  }

  private save(info: GrantInfo): Promise<void> {
    return this.store.adapter(MODEL).upsert(info.grantId, { ...info }) as Promise<void>;
  }
}

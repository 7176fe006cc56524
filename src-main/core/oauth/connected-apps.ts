import type { AppsView, ConnectedAppView } from '../../../src-shared/connected-app-view.ts';
import type { ApprovalPreset } from '../../../src-shared/approval-presets.ts';
import { NotFoundError } from '../app-error.ts';
import type { ChannelsOf, HandlerSlice } from '../contract-handlers.ts';
import type { GrantInfo, GrantInfos } from './grant-infos.ts';
import type { OAuthStore } from './oauth-store.ts';
import type { PendingApprovals } from './pending-approvals.ts';

function viewOf(info: GrantInfo): ConnectedAppView {
  return {
    grantId: info.grantId,
    clientName: info.clientName,
    clientId: info.clientId,
    redirectHost: info.redirectHost,
    keyId: info.keyId,
    approvedBy: info.approvedBy,
    createdAt: new Date(info.createdAt).toISOString(),
    lastUsedAt: info.lastUsedAt === null ? null : new Date(info.lastUsedAt).toISOString(),
  };
}

/**
 * Connected apps in the dashboard: the OAuth grants that still work (one whose key was revoked, expired or
 * went is not shown: its tokens fail), Revoke (its tokens stop at the next request), the apps waiting for
 * the owner's answer, and word when any of it changes.
 */
export class ConnectedApps {
  private readonly grants: GrantInfos;
  private readonly store: OAuthStore;
  private readonly keyUsable: (keyId: string) => boolean;
  private readonly pending: PendingApprovals;
  private readonly listeners: ((view: AppsView) => void)[] = [];
  private shown: string;

  constructor(deps: {
    grants: GrantInfos;
    store: OAuthStore;
    pending: PendingApprovals;
    /** Whether a key can be used now ('' stands for the owner's own approval). */
    keyUsable: (keyId: string) => boolean;
  }) {
    this.grants = deps.grants;
    this.store = deps.store;
    this.pending = deps.pending;
    this.keyUsable = (keyId) => keyId === '' || deps.keyUsable(keyId);
    this.shown = JSON.stringify(this.list());
    this.store.onChange = () => this.changed();
    this.pending.onChange = () => this.changed();
  }

  list(): AppsView {
    const apps = this.grants
      .list()
      .filter((info) => this.keyUsable(info.keyId))
      .map(viewOf);
    const waiting = this.pending.waiting().map((item) => ({
      uid: item.uid,
      clientName: item.clientName,
      redirectHost: item.redirectHost,
      askedAt: new Date(item.askedAt).toISOString(),
    }));
    return { apps, waiting };
  }

  onChange(listener: (view: AppsView) => void): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners, if what the list shows changed (a grant, a key, a last use). */
  changed(): void {
    const view = this.list();
    const now = JSON.stringify(view);
    if (now === this.shown) return;
    this.shown = now;
    for (const listener of this.listeners) listener(view);
  }

  handlers(): HandlerSlice<ChannelsOf<'apps'>> {
    return {
      'apps.list': async () => this.list(),
      'apps.revoke': async ({ grantId }) => {
        if (this.grants.get(grantId) === undefined)
          throw new NotFoundError('app_not_found', 'That app is no longer connected; the list is refreshed.');
        await this.store.revokeGrant(grantId);
        return this.list();
      },
      'apps.approve': async ({ uid, preset }) => this.answer(uid, { kind: 'owner', preset }),
      'apps.deny': async ({ uid }) => this.answer(uid, 'denied'),
    };
  }

  private answer(uid: string, decision: { kind: 'owner'; preset: ApprovalPreset } | 'denied'): AppsView {
    if (!this.pending.decide(uid, decision))
      throw new NotFoundError(
        'app_not_found',
        'That request was already answered or has expired (after 10 minutes); start connecting again from the app.',
      );
    return this.list();
  }
}

import type { ConnectedAppView } from '../../../src-shared/connected-app-view.ts';
import { NotFoundError } from '../app-error.ts';
import type { ChannelsOf, HandlerSlice } from '../contract-handlers.ts';
import type { GrantInfo, GrantInfos } from './grant-infos.ts';
import type { OAuthStore } from './oauth-store.ts';

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
 * went is not shown: its tokens fail), Revoke (its tokens stop at the next request), and word when they
 * change.
 */
export class ConnectedApps {
  private readonly grants: GrantInfos;
  private readonly store: OAuthStore;
  private readonly keyUsable: (keyId: string) => boolean;
  private readonly listeners: ((apps: ConnectedAppView[]) => void)[] = [];
  private shown: string;

  constructor(grants: GrantInfos, store: OAuthStore, keyUsable: (keyId: string) => boolean) {
    this.grants = grants;
    this.store = store;
    this.keyUsable = keyUsable;
    this.shown = JSON.stringify(this.list());
    store.onChange = () => this.changed();
  }

  list(): ConnectedAppView[] {
    return this.grants
      .list()
      .filter((info) => this.keyUsable(info.keyId))
      .map(viewOf);
  }

  onChange(listener: (apps: ConnectedAppView[]) => void): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners, if what the list shows changed (a grant, a key, a last use). */
  changed(): void {
    const apps = this.list();
    const now = JSON.stringify(apps);
    if (now === this.shown) return;
    this.shown = now;
    for (const listener of this.listeners) listener(apps);
  }

  handlers(): HandlerSlice<ChannelsOf<'apps'>> {
    return {
      'apps.list': async () => ({ apps: this.list() }),
      'apps.revoke': async ({ grantId }) => {
        if (this.grants.get(grantId) === undefined)
          throw new NotFoundError('app_not_found', 'That app is no longer connected; the list is refreshed.');
        await this.store.revokeGrant(grantId);
        return { apps: this.list() };
      },
    };
  }
}

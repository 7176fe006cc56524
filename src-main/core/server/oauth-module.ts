import type { KeyRegistry } from '../auth/key-registry.ts';
import { rendererDir } from '../dashboard/renderer-dir.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import { ConnectedApps } from '../oauth/connected-apps.ts';
import { GrantInfos } from '../oauth/grant-infos.ts';
import { oauthHttp, type OAuthHttpDeps } from '../oauth/oauth-http.ts';
import { OAuthServers } from '../oauth/oauth-servers.ts';
import { PendingApprovals } from '../oauth/pending-approvals.ts';
import type { ServerModule } from './server-module.ts';

export interface OAuthModule extends ServerModule {
  readonly servers: OAuthServers;
  /** Connected apps: the dashboard's handlers and word of changes. */
  readonly apps: ConnectedApps;
  /** The routes and the token check, for the HTTP surface. */
  http(deps: Omit<OAuthHttpDeps, 'rendererDir'>): ReturnType<typeof oauthHttp>;
}

/** MCP Tray as an OAuth authorization server for its public URL (and loopback, when asked). */
export async function startOAuth(deps: {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  now: () => number;
  /** The keys grants rest on. */
  registry: KeyRegistry;
}): Promise<OAuthModule> {
  const servers = await OAuthServers.open(deps);
  const grants = new GrantInfos(servers.store, deps.now);
  const pending = new PendingApprovals(deps.now);
  const apps = new ConnectedApps({
    grants,
    store: servers.store,
    pending,
    keyUsable: (id) => deps.registry.findById(id) !== undefined,
  });
  return {
    name: 'oauth',
    servers,
    apps,
    http: (http) => oauthHttp(servers, { grants, pending }, { ...http, rendererDir: rendererDir() }),
    close: () => Promise.resolve(),
  };
}

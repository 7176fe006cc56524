import type { Router } from 'express';
import type { AccountView } from '../../../src-shared/dashboard-contract.ts';
import type { HandlerSlice } from '../contract-handlers.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import type { Sessions } from '../sessions/load-sessions.ts';
import { SettingsFile } from '../settings/settings-file.ts';
import { OwnerList } from './owner-list.ts';
import { PendingSignIns } from './pending-sign-ins.ts';
import type { OAuthEnvironment } from './sign-in-config.ts';
import { signInCore, type SignInChannel } from './sign-in-handlers.ts';
import { oauthRoutes } from './sign-in-routes.ts';
import { OAuthSettings } from './sign-in-settings.ts';
import { SignedInAccount } from './signed-in-account.ts';

export interface SignInSetupDeps {
  dataDir: string;
  now: () => number;
  secrets: SecretStore;
  logger: Logger;
  /** MCP_OAUTH_* (Settings fills in the rest). */
  oauth: OAuthEnvironment;
  /** The port the server listens on (the default callback URL follows it). */
  port: () => number;
  sessions: Sessions;
  sessionCookie: string;
  openInBrowser?: (url: string) => void;
  /** Told who is signed in now (the desktop app and tray follow it). */
  accountChanged: (view: AccountView) => void;
}

/** Sign-in with GitHub or Google: its part of the contract, and its routes on the dashboard's door. */
export function setupSignIn(deps: SignInSetupDeps): {
  handlers: HandlerSlice<SignInChannel>;
  routes: Router;
} {
  const warn = (message: string) => deps.logger.warn(message);
  const owners = new OwnerList(deps.dataDir, deps.now, warn);
  const settings = new OAuthSettings({
    env: deps.oauth,
    file: new SettingsFile(deps.dataDir, deps.now),
    secrets: deps.secrets,
    port: deps.port,
  });
  const signIn = signInCore({
    settings,
    owners,
    account: new SignedInAccount(deps.dataDir, deps.now, warn),
    signedOut: deps.sessions.signedOut,
    secretsIn: deps.secrets.label,
    port: deps.port,
    ...(deps.openInBrowser && { openInBrowser: deps.openInBrowser }),
    changed: deps.accountChanged,
  });
  const routes = oauthRoutes({
    settings,
    pending: new PendingSignIns(deps.now),
    owners,
    sessions: deps.sessions.signer,
    sessionCookie: deps.sessionCookie,
    warn,
    onSignedIn: async (who) => {
      deps.logger.info(`Signed in to the dashboard as @${who.login}.`);
      // The session stands even if the desktop app cannot be told (the account file is only for display).
      await signIn
        .signedIn(who)
        .catch((error: Error) => warn(`Could not record the sign-in: ${error.message}`));
    },
  });
  return { handlers: signIn.handlers, routes };
}

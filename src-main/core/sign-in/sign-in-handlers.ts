import type {
  AccountView,
  SignInProvider,
  SignInSettingsView,
} from '../../../src-shared/dashboard-contract.ts';
import { AppError } from '../app-error.ts';
import type { ContractHandlers } from '../contract-handlers.ts';
import type { SignedOutSessions } from '../sessions/signed-out-sessions.ts';
import { isLoopbackHost } from '../http/host-allowlist.ts';
import { checkClient } from './client-check.ts';
import type { Identity } from './identity.ts';
import type { OAuthSettings, SignInSetup } from './sign-in-settings.ts';
import type { OwnerList } from './owner-list.ts';
import type { SignedInAccount } from './signed-in-account.ts';
import { PROVIDER_NAME, SIGN_IN_PROVIDERS } from '../../../src-shared/sign-in-providers.ts';

export type SignInChannel =
  | 'signIn.get'
  | 'signIn.update'
  | 'signIn.check'
  | 'owners.add'
  | 'owners.remove'
  | 'account.get'
  | 'account.signIn'
  | 'account.signOut';

export interface SignInDeps {
  settings: OAuthSettings;
  owners: OwnerList;
  account: SignedInAccount;
  signedOut: SignedOutSessions;
  secretsIn: string;
  /** The port the server listens on. */
  port: () => number;
  /** Opens a URL in the system browser (the desktop app); absent in the headless server. */
  openInBrowser?: (url: string) => void;
  changed: (view: AccountView) => void;
}

/** Sign-in's part of the dashboard contract (Settings, owners, and who is signed in), plus what routes call. */
export function signInCore(deps: SignInDeps) {
  /** The providers set up and turned on (one read of the settings and the secret store serves a whole call). */
  const offered = (setup: SignInSetup): SignInProvider[] =>
    setup.enabled
      ? SIGN_IN_PROVIDERS.filter(
          (provider) => setup[provider].clientId !== null && setup[provider].secretSaved,
        )
      : [];
  const accountView = async (): Promise<AccountView> => {
    const record = await deps.account.get();
    return {
      account:
        record === null
          ? null
          : {
              login: record.login,
              name: record.name,
              avatarUrl: record.avatarUrl,
              provider: record.subject.startsWith('google:') ? 'google' : 'github',
            },
      providers: offered(await deps.settings.setup()),
    };
  };
  const announce = async () => deps.changed(await accountView());
  const settingsView = async (): Promise<SignInSettingsView> => ({
    ...(await deps.settings.setup()),
    owners: await deps.owners.list(),
    secretsIn: deps.secretsIn,
  });
  /** Sign-in starts on the callback URL's own origin when it is this computer, so its cookie lands there. */
  const startUrl = (setup: SignInSetup, provider: SignInProvider): string => {
    const callback = new URL(setup.callbackUrl);
    const origin = isLoopbackHost(callback.hostname.replace(/^\[|\]$/g, ''))
      ? callback.origin
      : `http://localhost:${deps.port()}`;
    return new URL(`/auth/oauth/${provider}/start`, origin).href;
  };

  const handlers: Pick<ContractHandlers, SignInChannel> = {
    'signIn.get': settingsView,
    'signIn.update': async (changes) => {
      await deps.settings.update(changes);
      await announce();
      return settingsView();
    },
    'signIn.check': async ({ provider }) => checkClient(provider, await deps.settings.config()),
    'owners.add': async ({ provider, login }) => {
      await deps.owners.add(provider, login);
      return settingsView();
    },
    'owners.remove': async ({ id }) => {
      const subject = await deps.owners.remove(id);
      if (subject !== undefined) {
        await deps.signedOut.endEverywhere(subject);
        if ((await deps.account.get())?.subject === subject) await deps.account.clear();
        await announce();
      }
      return settingsView();
    },
    'account.get': accountView,
    'account.signIn': async ({ provider }) => {
      const setup = await deps.settings.setup();
      if (!offered(setup).includes(provider))
        throw new AppError(
          'sign_in_not_set_up',
          `${PROVIDER_NAME[provider]} sign-in is not set up: add your OAuth app's client ID and secret in Settings, under Sign-in.`,
        );
      const url = startUrl(setup, provider);
      deps.openInBrowser?.(url);
      return { url };
    },
    'account.signOut': async () => {
      const was = await deps.account.clear();
      if (was !== null) await deps.signedOut.endEverywhere(was.subject);
      const view = await accountView();
      deps.changed(view);
      return view;
    },
  };
  return {
    handlers,
    /** A sign-in finished in the browser: the desktop app shows who. */
    async signedIn(who: Identity): Promise<void> {
      await deps.account.set(who);
      await announce();
    },
  };
}

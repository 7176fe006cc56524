import { useEffect, useState } from 'react';
import type { AccountView, SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import { errorText, useClient } from '../use-contract.ts';
import { PROVIDER_NAME } from '../../../src-shared/sign-in-providers.ts';

/** The avatar, or the first letter of the name when there is none (or it cannot load). */
function Avatar({ url, name }: { url: string | null; name: string }) {
  const [failed, setFailed] = useState(false);
  if (url === null || failed)
    return (
      <span className="avatar avatar-letter" aria-hidden="true">
        {name.slice(0, 1).toUpperCase()}
      </span>
    );
  return (
    <img
      className="avatar"
      src={url}
      alt=""
      width="28"
      height="28"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}

/**
 * Who is signed in, with Sign out; or, in the desktop app, buttons that open sign-in in the system browser.
 * The web door passes `onSignedOut` (its session ends, so it shows the sign-in page).
 */
export function AccountBadge({ door, onSignedOut }: { door: 'desktop' | 'web'; onSignedOut?: () => void }) {
  const client = useClient();
  const [view, setView] = useState<AccountView>();
  const [note, setNote] = useState<string>();
  useEffect(() => {
    const load = () =>
      client.invoke('account.get', {}).then(setView, (e: unknown) => {
        // Signed out elsewhere (from the desktop app, or removed as an owner): back to the sign-in page.
        if ((e as { status?: number }).status === 401) onSignedOut?.();
        else setNote(errorText(e));
      });
    load();
    // The event carries the desktop app's account; in the browser it is a cue to ask again for this session's.
    return client.on('account.changed', (changed) => {
      setNote(undefined);
      if (door === 'desktop') setView(changed);
      else load();
    });
  }, [client, door, onSignedOut]);

  const signOut = async () => {
    try {
      setView(await client.invoke('account.signOut', {}));
      onSignedOut?.();
    } catch (e) {
      setNote(errorText(e));
    }
  };
  const signIn = async (provider: SignInProvider) => {
    try {
      await client.invoke('account.signIn', { provider });
      setNote(`Finish signing in with ${PROVIDER_NAME[provider]} in your browser.`);
    } catch (e) {
      setNote(errorText(e));
    }
  };
  if (view === undefined) return null;
  const { account } = view;
  return (
    <div className="account">
      {account && (
        <>
          <Avatar url={account.avatarUrl} name={account.name ?? account.login} />
          <span className="account-name">
            {account.name ?? account.login}
            <span className="muted"> @{account.login}</span>
          </span>
        </>
      )}
      {door === 'desktop' &&
        !account &&
        view.providers.map((provider) => (
          <button key={provider} type="button" className="button" onClick={() => void signIn(provider)}>
            Sign in with {PROVIDER_NAME[provider]}
          </button>
        ))}
      {(account || door === 'web') && (
        <button type="button" className="button" onClick={() => void signOut()}>
          Sign out
        </button>
      )}
      {note && (
        <span className="muted" role="status">
          {note}
        </span>
      )}
    </div>
  );
}

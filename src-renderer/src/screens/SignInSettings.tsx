import { useEffect, useState } from 'react';
import type { InvokeInput, SignInSettingsView } from '../../../src-shared/dashboard-contract.ts';
import { CopyButton } from '../parts/CopyButton.tsx';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { OwnersList } from './OwnersList.tsx';
import { SignInProviderForm } from './SignInProviderForm.tsx';

/** Settings › Sign-in: the OAuth clients of GitHub and Google, the callback URL to register, and the owners. */
export function SignInSettings() {
  const client = useClient();
  const [view, setView] = useState<SignInSettingsView>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  useEffect(() => {
    client.invoke('signIn.get', {}).then(setView, (e: unknown) => setError(errorText(e)));
  }, [client]);

  const run = async (call: () => Promise<SignInSettingsView>, what: string): Promise<boolean> => {
    setError(undefined);
    setSaved(undefined);
    try {
      setView(await call());
      setSaved(what);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };
  const update = (changes: InvokeInput<'signIn.update'>, what: string) =>
    run(() => client.invoke('signIn.update', changes), what);

  if (!view) return error ? <ErrorNote message={error} /> : null;
  return (
    <section aria-labelledby="signin-settings-title" className="settings">
      <h2 id="signin-settings-title">Sign-in with GitHub or Google</h2>
      {error && <ErrorNote message={error} />}
      {saved && (
        <div className="note" role="status">
          Saved: {saved}.
        </div>
      )}
      <div className="setting">
        <span className="label">Callback URL</span>
        <div className="url">
          <code>{view.callbackUrl}</code>
          <CopyButton text={view.callbackUrl} label="Copy" ariaLabel="Copy the callback URL" />
        </div>
        <p className="muted">
          Register exactly this URL at GitHub (“Authorization callback URL”) and at Google (“Authorized
          redirect URIs”).
        </p>
        <label className="choice">
          <input
            type="checkbox"
            checked={view.enabled}
            disabled={view.enabledFromEnvironment}
            onChange={(e) =>
              void update(
                { enabled: e.target.checked },
                e.target.checked ? 'sign-in turned on' : 'sign-in turned off',
              )
            }
          />
          <span>
            Allow signing in with GitHub or Google
            {view.enabledFromEnvironment && ' (set by MCP_OAUTH_ENABLED)'}
          </span>
        </label>
      </div>
      <SignInProviderForm
        provider="github"
        view={view.github}
        secretsIn={view.secretsIn}
        onSave={({ clientId, clientSecret, serverUrl }) =>
          update(
            { github: { clientId, baseUrl: serverUrl, ...(clientSecret !== undefined && { clientSecret }) } },
            'GitHub sign-in',
          )
        }
        onRemove={() => void update({ github: null }, 'GitHub sign-in removed')}
      />
      <SignInProviderForm
        provider="google"
        view={view.google}
        secretsIn={view.secretsIn}
        onSave={({ clientId, clientSecret, serverUrl }) =>
          update(
            { google: { clientId, issuer: serverUrl, ...(clientSecret !== undefined && { clientSecret }) } },
            'Google sign-in',
          )
        }
        onRemove={() => void update({ google: null }, 'Google sign-in removed')}
      />
      <OwnersList
        owners={view.owners}
        onAdd={(provider, login) =>
          run(() => client.invoke('owners.add', { provider, login }), `${login} added`)
        }
        onRemove={(owner) =>
          void run(() => client.invoke('owners.remove', { id: owner.id }), `${owner.login} removed`)
        }
      />
    </section>
  );
}

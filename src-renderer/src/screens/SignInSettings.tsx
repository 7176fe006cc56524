import { useEffect, useState } from 'react';
import type {
  InvokeInput,
  SignInProvider,
  SignInSettingsView,
} from '../../../src-shared/dashboard-contract.ts';
import { CopyableText } from '../parts/CopyableText.tsx';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { SaveOutcome, useSaveOutcome } from '../parts/SaveOutcome.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { OwnersList } from './OwnersList.tsx';
import { SignInProviderForm, type ProviderChange } from './SignInProviderForm.tsx';
import { PROVIDER_NAME, SIGN_IN_PROVIDERS } from '../../../src-shared/sign-in-providers.ts';

/** The form's fields as signIn.update takes them: GitHub's server is its base URL, Google's its issuer. */
function providerChange(
  provider: SignInProvider,
  { clientId, clientSecret, serverUrl }: ProviderChange,
): InvokeInput<'signIn.update'> {
  const secret = clientSecret === undefined ? {} : { clientSecret };
  return provider === 'github'
    ? { github: { clientId, baseUrl: serverUrl, ...secret } }
    : { google: { clientId, issuer: serverUrl, ...secret } };
}

/** Settings › Sign-in: the OAuth clients of GitHub and Google, the callback URL to register, and the owners. */
export function SignInSettings() {
  const client = useClient();
  const [view, setView] = useState<SignInSettingsView>();
  const outcome = useSaveOutcome(setView);
  const { error, setError, save: run } = outcome;
  useEffect(() => {
    client.invoke('signIn.get', {}).then(setView, (e: unknown) => setError(errorText(e)));
  }, [client, setError]);
  const [checks, setChecks] = useState<Partial<Record<SignInProvider, { ok: boolean; message: string }>>>({});
  const update = (changes: InvokeInput<'signIn.update'>, what: string, where: string) =>
    run(() => client.invoke('signIn.update', changes), what, where);
  /** Saves a provider, then asks it whether it accepts the client ID and secret. */
  const saveProvider = async (provider: SignInProvider, change: ProviderChange) => {
    setChecks((all) => ({ ...all, [provider]: undefined }));
    const saved = await update(
      providerChange(provider, change),
      `${PROVIDER_NAME[provider]} sign-in`,
      provider,
    );
    if (saved) {
      const check = await client
        .invoke('signIn.check', { provider })
        .catch((e: unknown) => ({ ok: false, message: errorText(e) }));
      setChecks((all) => ({ ...all, [provider]: check }));
    }
    return saved;
  };

  if (!view) return error ? <ErrorNote message={error} /> : null;
  return (
    <section aria-labelledby="signin-settings-title" className="settings">
      <h2 id="signin-settings-title">Sign-in with GitHub or Google</h2>
      <SaveOutcome outcome={outcome} />
      <div className="setting">
        <span className="label">Callback URL</span>
        <CopyableText text={view.callbackUrl} label="Copy" ariaLabel="Copy the callback URL" />
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
                'enabled',
              )
            }
          />
          <span>
            Allow signing in with GitHub or Google
            {view.enabledFromEnvironment && ' (set by MCP_OAUTH_ENABLED)'}
          </span>
        </label>
        <SaveOutcome outcome={outcome} at="enabled" />
      </div>
      {SIGN_IN_PROVIDERS.map((provider) => (
        <SignInProviderForm
          key={provider}
          provider={provider}
          view={view[provider]}
          secretsIn={view.secretsIn}
          check={checks[provider]}
          onSave={(change) => saveProvider(provider, change)}
          outcome={<SaveOutcome outcome={outcome} at={provider} />}
          onRemove={() => {
            setChecks((all) => ({ ...all, [provider]: undefined }));
            void update({ [provider]: null }, `${PROVIDER_NAME[provider]} sign-in removed`, provider);
          }}
        />
      ))}
      <OwnersList
        owners={view.owners}
        onAdd={(provider, login) =>
          run(() => client.invoke('owners.add', { provider, login }), `${login} added`, 'owners')
        }
        onRemove={(owner) =>
          void run(() => client.invoke('owners.remove', { id: owner.id }), `${owner.login} removed`, 'owners')
        }
        outcome={<SaveOutcome outcome={outcome} at="owners" />}
      />
    </section>
  );
}

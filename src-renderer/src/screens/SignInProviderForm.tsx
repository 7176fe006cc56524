import { useEffect, useState, type ReactNode } from 'react';
import type { SignInProvider, SignInProviderView } from '../../../src-shared/dashboard-contract.ts';

const TEXT: Record<SignInProvider, { name: string; server: string; where: string; env: string }> = {
  github: {
    name: 'GitHub',
    server: 'GitHub URL (change for GitHub Enterprise Server)',
    where: 'github.com → Settings → Developer settings → OAuth Apps → New OAuth App',
    env: 'MCP_OAUTH_GITHUB_CLIENT_ID',
  },
  google: {
    name: 'Google',
    server: 'OpenID issuer',
    where: 'Google Cloud console → APIs & Services → Credentials → Create OAuth client ID (Web application)',
    env: 'MCP_OAUTH_GOOGLE_CLIENT_ID',
  },
};

export interface ProviderChange {
  clientId: string;
  clientSecret?: string;
  serverUrl: string;
}

/** One provider's OAuth client: its ID, its secret (sent once, kept in the secret store), and its server. */
export function SignInProviderForm({
  provider,
  view,
  secretsIn,
  check,
  onSave,
  onRemove,
  outcome,
}: {
  provider: SignInProvider;
  view: SignInProviderView;
  secretsIn: string;
  /** What the provider said of the saved client ID and secret. */
  check: { ok: boolean; message: string } | undefined;
  onSave: (change: ProviderChange) => Promise<boolean>;
  onRemove: () => void;
  /** What became of this form's last save, shown beside its button. */
  outcome?: ReactNode;
}) {
  const text = TEXT[provider];
  const [clientId, setClientId] = useState(view.clientId ?? '');
  const [secret, setSecret] = useState('');
  const [serverUrl, setServerUrl] = useState(view.serverUrl);
  useEffect(() => {
    setClientId(view.clientId ?? '');
    setServerUrl(view.serverUrl);
  }, [view.clientId, view.serverUrl]);

  if (view.fromEnvironment)
    return (
      <div className="setting">
        <span className="label">{text.name}</span>
        <p>
          Client ID <code>{view.clientId}</code>, from the environment ({text.env} and its secret). Change
          those variables to change it.
        </p>
      </div>
    );
  const idField = `${provider}-client-id`;
  return (
    <form
      className="setting"
      aria-label={`${text.name} sign-in`}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({
          clientId,
          serverUrl,
          ...(secret.trim() !== '' && { clientSecret: secret }),
        }).then((saved) => saved && setSecret(''));
      }}
    >
      <span className="label">
        {text.name}
        {view.clientId !== null && <span className="badge">set up</span>}
      </span>
      <label htmlFor={idField}>
        Client ID
        <input
          id={idField}
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          autoComplete="off"
          maxLength={200}
        />
      </label>
      <label>
        Client secret
        <input
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="new-password"
          maxLength={500}
          placeholder={view.secretSaved ? `Saved in ${secretsIn}; type to replace it` : ''}
        />
      </label>
      <label>
        {text.server}
        <input value={serverUrl} maxLength={500} onChange={(e) => setServerUrl(e.target.value)} />
      </label>
      {provider === 'github' && view.apiUrl && <p className="muted">API: {view.apiUrl}</p>}
      {check && (
        <p className={`note ${check.ok ? '' : 'note-error'}`} role="status">
          {check.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary">
          Save {text.name}
        </button>
        {view.clientId !== null && (
          <button type="button" className="button danger" onClick={onRemove}>
            Remove {text.name}
          </button>
        )}
      </div>
      {outcome}
      <p className="muted">
        Make the client at {text.where}, with the callback URL above. The secret is kept in {secretsIn}, not
        in settings.json, and is never shown again.
      </p>
    </form>
  );
}

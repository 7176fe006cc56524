import { useState, type ReactNode } from 'react';
import type { OwnerView, SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import { PROVIDER_NAME } from '../../../src-shared/sign-in-providers.ts';

/** Who may sign in to the dashboard: the first account, and people added here by GitHub username or Google email. */
export function OwnersList({
  owners,
  onAdd,
  onRemove,
  outcome,
}: {
  owners: OwnerView[];
  onAdd: (provider: SignInProvider, login: string) => Promise<boolean>;
  onRemove: (owner: OwnerView) => void;
  /** What became of the last add or remove. */
  outcome?: ReactNode;
}) {
  const [provider, setProvider] = useState<SignInProvider>('github');
  const [login, setLogin] = useState('');
  return (
    <div className="setting">
      <span className="label">Owners</span>
      {owners.length === 0 ? (
        <p className="muted">Nobody yet: the first account to sign in becomes the owner.</p>
      ) : (
        <ul className="owner-list" aria-label="Owners">
          {owners.map((owner) => (
            <li key={owner.id}>
              <span>
                {owner.provider === 'github' ? '@' : ''}
                {owner.login} <span className="muted">({PROVIDER_NAME[owner.provider]})</span>
                {!owner.signedInBefore && <span className="badge">not signed in yet</span>}
              </span>
              <button
                type="button"
                className="button"
                aria-label={`Remove ${owner.login}`}
                onClick={() => onRemove(owner)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="owner-add"
        onSubmit={(e) => {
          e.preventDefault();
          void onAdd(provider, login).then((added) => added && setLogin(''));
        }}
      >
        <select
          aria-label="Provider"
          value={provider}
          onChange={(e) => setProvider(e.target.value as SignInProvider)}
        >
          <option value="github">GitHub</option>
          <option value="google">Google</option>
        </select>
        <input
          aria-label={provider === 'github' ? 'GitHub username' : 'Google email'}
          placeholder={provider === 'github' ? 'GitHub username' : 'name@gmail.com'}
          value={login}
          maxLength={254}
          onChange={(e) => setLogin(e.target.value)}
        />
        <button type="submit" className="button primary">
          Add owner
        </button>
      </form>
      {outcome}
      <p className="muted">
        Removing someone ends their sessions at once. Anyone else who signs in sees “Not allowed”.
      </p>
    </div>
  );
}

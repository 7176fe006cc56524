import { useEffect, useState } from 'react';
import type { SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import { PROVIDER_NAME } from '../../../src-shared/sign-in-providers.ts';

/** What a browser without a session sees: how to get in. */
export function SignIn({ expired }: { expired: boolean }) {
  const [providers, setProviders] = useState<SignInProvider[]>([]);
  useEffect(() => {
    fetch('/auth/oauth/providers', { credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<{ providers: SignInProvider[] }>) : { providers: [] }))
      .then(
        (body) => setProviders(body.providers),
        () => {},
      );
  }, []);
  return (
    <main className="signin">
      <img src="./icon.svg" alt="" width="48" height="48" />
      <h1>Sign in to MCP Tray</h1>
      {expired && (
        <p className="note note-error" role="alert">
          That sign-in link was already used or has expired.
        </p>
      )}
      {providers.length > 0 && (
        <div className="signin-providers">
          {providers.map((provider) => (
            <a key={provider} className="button primary" href={`/auth/oauth/${provider}/start`}>
              Sign in with {PROVIDER_NAME[provider]}
            </a>
          ))}
        </div>
      )}
      <p>
        {providers.length > 0 ? 'Or open' : 'Open'} the sign-in link that “mcp-tray serve” printed, or get a
        new one on this computer with:
      </p>
      <pre>
        <code>mcp-tray dashboard</code>
      </pre>
      <p className="muted">Each link works once, for 10 minutes.</p>
    </main>
  );
}

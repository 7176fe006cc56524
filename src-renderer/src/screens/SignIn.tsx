import { useEffect, useState } from 'react';
import type { SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import { PROVIDER_NAME } from '../../../src-shared/sign-in-providers.ts';
import { CopyableText } from '../parts/CopyableText.tsx';

const LINK_PROBLEM: Record<string, string> = {
  expired: 'That sign-in link was already used or has expired.',
  elsewhere:
    'That sign-in link was made for another MCP Tray server (one keeping another data folder), so this one cannot take it.',
};

/** What a browser without a session sees: how to get in, with the exact command for this server. */
export function SignIn({ link }: { link: string | null }) {
  const [providers, setProviders] = useState<SignInProvider[]>([]);
  const [command, setCommand] = useState('mcp-tray dashboard');
  useEffect(() => {
    fetch('/api/sign-in-help', { credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<{ command: string }>) : undefined))
      .then(
        (help) => help && setCommand(help.command),
        () => {},
      );
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
      {link !== null && LINK_PROBLEM[link] !== undefined && (
        <p className="note note-error" role="alert">
          {LINK_PROBLEM[link]}
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
        new one for this server on this computer with:
      </p>
      <CopyableText text={command} label="Copy" ariaLabel="Copy the command" />
      <p className="muted">Each link works once, for 10 minutes.</p>
    </main>
  );
}

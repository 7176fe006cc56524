import { useEffect, useState } from 'react';
import type { ServerStatusView } from '../../../src-shared/dashboard-contract.ts';
import { AccountBadge } from '../parts/AccountBadge.tsx';
import { CopyableText } from '../parts/CopyableText.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { uptimeLabel } from '../view/time-format.ts';

const STATE_LABEL = { running: 'Running', paused: 'Paused', stopped: 'Stopped', error: 'Error' } as const;

/** Running / paused / error at a glance, the MCP URL to copy, uptime, start / stop, and who is signed in. */
export function StatusHeader({ door, onSignedOut }: { door: 'desktop' | 'web'; onSignedOut?: () => void }) {
  const client = useClient();
  const [status, setStatus] = useState<ServerStatusView>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    client.invoke('server.status', {}).then(setStatus, (e: unknown) => setError(errorText(e)));
    const stop = client.on('server.status', setStatus);
    const tick = setInterval(() => client.invoke('server.status', {}).then(setStatus, () => {}), 30_000);
    return () => {
      stop();
      clearInterval(tick);
    };
  }, [client]);
  const toggle = async () => {
    try {
      setStatus(await client.invoke(status?.state === 'paused' ? 'server.resume' : 'server.pause', {}));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const state = error ? 'error' : (status?.state ?? 'stopped');
  return (
    <header className="header">
      <div className="brand">
        <img src="./icon.svg" alt="" width="28" height="28" />
        <span>MCP Tray</span>
      </div>
      <div className={`state state-${state}`} role="status">
        <span className="dot" aria-hidden="true" />
        {STATE_LABEL[state]}
        {status && state !== 'error' && (
          <span className="muted"> · up {uptimeLabel(status.uptimeSeconds)}</span>
        )}
      </div>
      {status && <CopyableText text={status.mcpUrl} label="Copy URL" ariaLabel="Copy the MCP URL" />}
      {status && (
        <button type="button" className="button" onClick={() => void toggle()}>
          {status.state === 'paused' ? 'Start' : 'Stop'}
        </button>
      )}
      <AccountBadge door={door} {...(onSignedOut && { onSignedOut })} />
      {(error ?? status?.problem) && (
        <p className="header-problem" role="alert">
          {error ?? status?.problem?.message}
        </p>
      )}
      {status?.state === 'paused' && (
        <p className="header-problem">
          MCP serving is paused: clients get “503 paused” until you press Start.
        </p>
      )}
    </header>
  );
}

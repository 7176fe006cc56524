import { useEffect, useState } from 'react';
import type { TunnelTool, TunnelView } from '../../../src-shared/tunnel-view.ts';
import { CopyableText } from '../parts/CopyableText.tsx';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { errorText, useClient } from '../use-contract.ts';

const STATES: Record<TunnelView['state'], string> = {
  starting: 'Starting…',
  up: 'On',
  restarting: 'Dropped; starting again…',
  missing: 'Not installed',
  failed: 'Stopped after failing again and again',
  stopped: 'Off',
};

/**
 * "Expose to the internet": a quick cloudflared tunnel (no account) or ngrok, run and watched by MCP Tray,
 * remembered across restarts; its URL is the public URL while it is on.
 */
export function TunnelSetting() {
  const client = useClient();
  const [view, setView] = useState<TunnelView>();
  const [tool, setTool] = useState<TunnelTool>('cloudflared');
  const [token, setToken] = useState('');
  const [path, setPath] = useState('');
  const [hostname, setHostname] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.invoke('tunnel.get', {}).then(setView, (e: unknown) => setError(errorText(e)));
    return client.on('tunnel.changed', setView);
  }, [client]);

  const act = async (run: () => Promise<TunnelView>) => {
    setBusy(true);
    setError(undefined);
    try {
      setView(await run());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const on = view !== undefined && view.tool !== null;

  return (
    <div className="setting" aria-label="Expose to the internet" role="group" data-testid="tunnel-setting">
      <span className="label">Expose to the internet</span>
      {error && <ErrorNote message={error} />}
      {view && (
        <p data-testid="tunnel-state">
          {on ? `${view.tool}: ${STATES[view.state]}` : 'Off'}
          {view.publicUrl && (
            <>
              {' '}
              <CopyableText text={view.publicUrl} label="Copy URL" ariaLabel="Copy the public MCP URL" />
            </>
          )}
        </p>
      )}
      {view?.problem && <p className="check-failed">{view.problem}</p>}
      {view?.caveat && <p className="muted">{view.caveat}</p>}
      {!on && (
        <div className="actions-inline">
          <label>
            With
            <select value={tool} onChange={(e) => setTool(e.target.value as TunnelTool)}>
              <option value="cloudflared">cloudflared (a quick tunnel, no account)</option>
              <option value="ngrok">ngrok</option>
              <option value="tailscale">Tailscale Funnel (your machine’s own name)</option>
            </select>
          </label>
          <label>
            Its path, if not on PATH
            <input
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="/usr/local/bin/cloudflared"
            />
          </label>
          {tool !== 'tailscale' && (
            <label>
              Stable name (optional)
              <input
                value={hostname}
                onChange={(e) => setHostname(e.target.value)}
                placeholder="tray.example.com"
                aria-describedby="tunnel-hostname-help"
              />
            </label>
          )}
          {tool === 'cloudflared' && hostname.trim() !== '' && (
            <label>
              Tunnel token
              <input
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                placeholder={view?.hasToken ? 'kept in the keychain; paste another to replace it' : 'eyJ…'}
              />
            </label>
          )}
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() =>
              void act(() =>
                client.invoke('tunnel.start', {
                  tool,
                  ...(path.trim() !== '' && { path: path.trim() }),
                  ...(tool !== 'tailscale' && hostname.trim() !== '' && { hostname: hostname.trim() }),
                  ...(tool === 'cloudflared' && token.trim() !== '' && { token: token.trim() }),
                }),
              )
            }
          >
            Expose
          </button>
        </div>
      )}
      {on && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void act(() => client.invoke('tunnel.stop', {}))}
        >
          Stop exposing
        </button>
      )}
      <p className="muted">
        MCP Tray runs the tunnel and watches it; its address becomes the public URL, and only MCP (with a key)
        answers there: the dashboard stays on this computer. A quick tunnel gets a new address each time it
        starts, so cloud connectors must then be updated.
      </p>
      <p className="muted" id="tunnel-hostname-help">
        A stable name keeps the address across restarts: a named cloudflared tunnel’s hostname (its token goes
        to the keychain) or an ngrok reserved domain. Tailscale Funnel always answers at this machine’s name
        on your tailnet.
      </p>
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { InvokeInput, SettingsView } from '../../../src-shared/dashboard-contract.ts';
import { CopyableText } from '../parts/CopyableText.tsx';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { SaveOutcome, useSaveOutcome } from '../parts/SaveOutcome.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { SignInSettings } from './SignInSettings.tsx';
import { TunnelSetting } from './TunnelSetting.tsx';
import { SwitchSetting } from '../parts/SwitchSetting.tsx';

/** Ports below 1024 need administrator rights on macOS and Linux; MCP Tray never needs one. */
const MIN_PORT = 1024;

/** Port, public URL for tunnels, query-string keys, where the data lives, and sign-in. */
export function SettingsScreen({ door }: { door: 'desktop' | 'web' }) {
  const client = useClient();
  const [settings, setSettings] = useState<SettingsView>();
  const [port, setPort] = useState('');
  const [publicUrl, setPublicUrl] = useState('');

  const show = (view: SettingsView) => {
    setSettings(view);
    setPort(String(view.port));
    setPublicUrl(view.publicBaseUrl ?? '');
  };
  const outcome = useSaveOutcome(show);
  const { error, setError } = outcome;
  useEffect(() => {
    client.invoke('settings.get', {}).then(show, (e: unknown) => setError(errorText(e)));
  }, [client, setError]);

  const save = (changes: InvokeInput<'settings.update'>, what: string, where: string) =>
    outcome.save(() => client.invoke('settings.update', changes), what, where);

  if (!settings) return error ? <ErrorNote message={error} /> : null;
  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">Settings</h1>
      <SaveOutcome outcome={outcome} />
      <form
        className="setting"
        aria-label="Server port"
        onSubmit={(e) => {
          e.preventDefault();
          const value = Number(port);
          if (!Number.isInteger(value) || value < MIN_PORT || value > 65535)
            return setError(`A port is a whole number from ${MIN_PORT} to 65535.`, 'port');
          void save({ port: value }, `port ${value}`, 'port');
        }}
      >
        <label>
          Port
          <input
            value={port}
            type="number"
            min={MIN_PORT}
            max={65535}
            inputMode="numeric"
            onChange={(e) => setPort(e.target.value)}
          />
        </label>
        <button type="submit" className="button primary">
          Save port
        </button>
        <SaveOutcome outcome={outcome} at="port" />
        <p className="muted">
          {settings.restartNeeded
            ? `Listening on ${settings.runningPort} now; port ${settings.port} applies when the server restarts. Update your clients’ configs (Connect) then.`
            : 'Checked to be free before it is saved. Clients’ configs (Connect) use it.'}
        </p>
      </form>
      <form
        className="setting"
        aria-label="Public URL"
        onSubmit={(e) => {
          e.preventDefault();
          void save(
            { publicBaseUrl: publicUrl.trim() === '' ? null : publicUrl },
            publicUrl.trim() === '' ? 'no public URL' : 'the public URL',
            'url',
          );
        }}
      >
        <label>
          Public URL (for tunnels)
          <input
            value={publicUrl}
            maxLength={500}
            inputMode="url"
            onChange={(e) => setPublicUrl(e.target.value)}
            placeholder="https://tray.example.com"
          />
        </label>
        <button type="submit" className="button primary">
          Save URL
        </button>
        <SaveOutcome outcome={outcome} at="url" />
        <p className="muted">
          ChatGPT, Claude on the web and the Responses API run on the internet: they reach this computer only
          through an HTTPS tunnel (cloudflared, ngrok) to port {settings.runningPort}. Its address alone (no
          path: MCP Tray adds /mcp) goes here and into their configs; empty the field to remove it. A reverse
          proxy of your own must pass every path through (OAuth lives beside /mcp); OpenAI’s Secure MCP Tunnel
          carries /mcp only, so its clients need a key, not OAuth.
        </p>
      </form>
      <TunnelSetting />
      <SwitchSetting
        label="Accept keys in the URL (?api_key=)"
        checked={settings.allowQueryKey}
        at="query-key"
        outcome={outcome}
        onChange={(on) =>
          save({ allowQueryKey: on }, on ? 'keys in URLs allowed' : 'keys in URLs refused', 'query-key')
        }
      >
        Some clients can only send a URL. Keys in URLs end up in proxy logs: turn this off if your clients
        send headers.
      </SwitchSetting>
      <SwitchSetting
        label="OAuth for local clients"
        checked={settings.oauthLocal}
        at="oauth-local"
        outcome={outcome}
        onChange={(on) =>
          save(
            { oauthLocal: on },
            on ? 'OAuth on for local clients' : 'OAuth off for local clients',
            'oauth-local',
          )
        }
      >
        The public URL always offers OAuth (ChatGPT and Claude connect with it). Turn this on only for a
        client on this computer that can do nothing but OAuth: clients given a key may otherwise start an
        OAuth sign-in when they find it.
      </SwitchSetting>
      <div className="setting">
        <span className="label">Launch at login</span>
        <p className="muted">Set from the tray menu of the desktop app.</p>
      </div>
      <div className="setting">
        <span className="label">Data folder</span>
        <CopyableText text={settings.dataDir} label="Copy path" ariaLabel="Copy the data folder path" />
        {door === 'desktop' && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void client
                .invoke('app.openDataFolder', {})
                .catch((e: unknown) => setError(errorText(e), 'folder'))
            }
          >
            Open folder
          </button>
        )}
        <SaveOutcome outcome={outcome} at="folder" />
        <p className="muted">
          Key names and limits (keys.json), settings, and the audit log (logs/). Key secrets are in{' '}
          {settings.secretsIn}.
        </p>
      </div>
      <SignInSettings />
    </section>
  );
}

import { useEffect, useState } from 'react';
import type { AppInfo, KeyRow } from '../../../src-shared/dashboard-contract.ts';
import {
  clientIdsFor,
  connectorConfig,
  type ClientId,
  type ConnectorConfig,
} from '../../../src-shared/connectors/connector-configs.ts';
import { CopyButton } from '../parts/CopyButton.tsx';
import { AddToClient } from './AddToClient.tsx';
import { CheckConnection } from './CheckConnection.tsx';
import { FIRST_KEY_PERMISSIONS } from './FirstKey.tsx';
import { TunnelSetting } from './TunnelSetting.tsx';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { KeySelect } from '../parts/KeySelect.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { CLIENT_TITLES } from '../view/client-titles.ts';
import { maskedKey } from '../view/masked-key.ts';
import { replaceRoute, routeHash } from '../view/route.ts';

/** The clients that reach MCP Tray from the internet: Check connection walks the public URL for them. */
const CLOUD_CLIENTS: readonly ClientId[] = ['responses-api', 'chatgpt', 'claude-connector'];

/** Why no key can be used, in words, when keys exist but none is active. */
function unusable(keys: readonly KeyRow[]): string {
  const missing = keys.filter((key) => key.status === 'secret_missing').map((key) => `“${key.name}”`);
  return missing.length > 0
    ? `No key can be used right now: ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no secret (rotate or delete it in Keys), and the others are revoked or expired.`
    : 'No key can be used right now: every key is revoked or expired. Create a new one in Keys.';
}

/**
 * Pick a client and a key; get the exact config, where it goes, and what to do. The key itself stays hidden
 * (its prefix and dots) until Show key, and Copy copies the config with the real key.
 */
export function ConnectScreen({ params }: { params: Record<string, string> }) {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo>();
  const [keys, setKeys] = useState<KeyRow[]>();
  const [shown, setShown] = useState<{ id: string; secret: string }>();
  const [error, setError] = useState<string>();

  const loadKeys = () =>
    client.invoke('keys.list', {}).then(
      (listing) => setKeys(listing.keys.filter((key) => key.status !== 'environment')),
      (e: unknown) => setError(errorText(e)),
    );
  useEffect(() => {
    const loadInfo = () =>
      client.invoke('app.info', {}).then(setInfo, (e: unknown) => setError(errorText(e)));
    void loadInfo();
    void loadKeys();
    // A tunnel turned on (here or in Settings) gives the cloud clients their URL.
    return client.on('tunnel.changed', () => void loadInfo());
  }, [client]);

  const clients = clientIdsFor(info?.platform ?? 'linux');
  const target = clients.find((id) => id === params['client']) ?? 'claude-code';
  const usable = (keys ?? []).filter((key) => key.status === 'active');
  const key = usable.find((k) => k.id === params['key']) ?? usable[0];
  const go = (changes: Record<string, string>) => {
    const { created: _notice, ...rest } = params;
    replaceRoute('connect', { ...rest, client: target, ...(key && { key: key.id }), ...changes });
  };
  const reveal = async (id: string) => (await client.invoke('keys.reveal', { id })).secret;
  const build = (apiKey: string): ConnectorConfig | undefined =>
    info &&
    connectorConfig(target, {
      mcpUrl: info.mcpUrl,
      apiKey,
      platform: info.platform,
      queryKeyAllowed: info.queryKeyAllowed,
      ...(info.publicMcpUrl !== undefined && { publicMcpUrl: info.publicMcpUrl }),
    });
  const secret = shown !== undefined && shown.id === key?.id ? shown.secret : undefined;
  const config = key && build(secret ?? maskedKey(key));
  const copyWithKey = (pick: (config: ConnectorConfig) => string) => async () => {
    if (!key) return '';
    const real = build(secret ?? (await reveal(key.id)));
    return real ? pick(real) : '';
  };
  /** A key for this client alone (tools only), named after it: what a connector on the internet should get. */
  const makeKey = async () => {
    const names = new Set((keys ?? []).map((k) => k.name));
    const base = CLIENT_TITLES[target];
    let name = base;
    for (let n = 2; names.has(name); n += 1) name = `${base} ${n}`;
    try {
      const made = await client.invoke('keys.create', { name, permissions: FIRST_KEY_PERMISSIONS });
      await loadKeys();
      go({ key: made.key.id, created: '1' });
    } catch (e) {
      setError(errorText(e));
    }
  };
  const toggleKey = async () => {
    if (!key) return;
    try {
      setShown(secret !== undefined ? undefined : { id: key.id, secret: await reveal(key.id) });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section aria-labelledby="connect-title">
      <h1 id="connect-title">Connect a client</h1>
      {error && <ErrorNote message={error} />}
      <AddToClient />
      <h2>Or copy a config</h2>
      {params['created'] && key && (
        <div className="note" role="status">
          Key “{key.name}” was made for {CLIENT_TITLES[target]}, with the tool permissions only. Copy its
          config below.
        </div>
      )}
      <div className="pickers">
        <label>
          <span id="pick-client-label">Client</span>
          <select
            aria-labelledby="pick-client-label"
            value={target}
            onChange={(e) => go({ client: e.target.value as ClientId })}
          >
            {clients.map((id) => (
              <option key={id} value={id}>
                {CLIENT_TITLES[id]}
              </option>
            ))}
          </select>
        </label>
        {usable.length > 0 && (
          <KeySelect keys={usable} value={key?.id ?? ''} onChange={(id) => go({ key: id })} />
        )}
        {key && (
          <CopyButton
            text={() => reveal(key.id)}
            label="Copy connector key"
            ariaLabel={`Copy connector key ${key.name}`}
          />
        )}
        {CLOUD_CLIENTS.includes(target) && (
          <button type="button" className="button" onClick={() => void makeKey()}>
            Make a key for {CLIENT_TITLES[target]}
          </button>
        )}
      </div>
      {keys?.length === 0 && (
        <div className="empty">
          No keys yet. <a href={routeHash('keys')}>Create a key in Keys</a>, then come back to get its config.
        </div>
      )}
      {keys !== undefined && keys.length > 0 && usable.length === 0 && (
        <div className="note">
          {unusable(keys)} <a href={routeHash('keys')}>Go to Keys</a>
        </div>
      )}
      {config?.blocked && (
        <article className="config">
          <h2>{config.title}</h2>
          <div className="note" data-testid="config-blocked">
            {config.blocked.message}{' '}
            {config.blocked.fix === 'settings' && <a href={routeHash('settings')}>Open Settings</a>}
          </div>
          {CLOUD_CLIENTS.includes(target) && <TunnelSetting />}
        </article>
      )}
      {config && !config.blocked && key && (
        <article className="config">
          <h2>{config.title}</h2>
          {config.note && <div className="note">{config.note}</div>}
          {config.path && (
            <p>
              Goes in <code>{config.path}</code>
            </p>
          )}
          {config.textLabel && <h3>{config.textLabel}</h3>}
          <pre tabIndex={0} aria-label={`${config.title} configuration`}>
            <code data-testid="config-text">{config.text}</code>
          </pre>
          <div className="actions-inline">
            <CopyButton
              text={copyWithKey((c) => c.text)}
              label="Copy"
              ariaLabel={`Copy the ${config.title} configuration`}
              className="primary"
            />
            <button type="button" className="button" onClick={() => void toggleKey()}>
              {secret !== undefined ? 'Hide key' : 'Show key'}
            </button>
            {secret === undefined && (
              <span className="muted">The key is hidden; Copy copies it in full.</span>
            )}
          </div>
          {config.alternatives?.map((alternative, index) => (
            <div key={alternative.label}>
              <h3>{alternative.label}</h3>
              <pre tabIndex={0} aria-label={`${config.title} configuration for ${alternative.label}`}>
                <code>{alternative.text}</code>
              </pre>
              <CopyButton
                text={copyWithKey((c) => c.alternatives?.[index]?.text ?? '')}
                label="Copy"
                ariaLabel={`Copy the ${config.title} configuration for ${alternative.label}`}
              />
            </div>
          ))}
          <ol>
            {config.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {CLOUD_CLIENTS.includes(target) && <CheckConnection keyId={key.id} />}
        </article>
      )}
    </section>
  );
}

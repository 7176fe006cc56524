import { useEffect, useState } from 'react';
import type { AppInfo, KeyRow } from '../../../src-shared/dashboard-contract.ts';
import {
  CLIENT_IDS,
  connectorConfig,
  type ClientId,
  type ConnectorConfig,
} from '../../../src-shared/connectors/connector-configs.ts';
import { CopyButton } from '../parts/CopyButton.tsx';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { KeySelect } from '../parts/KeySelect.tsx';
import { errorText, useClient } from '../use-contract.ts';

const CLIENT_TITLES: Record<ClientId, string> = {
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  vscode: 'VS Code',
  'claude-desktop': 'Claude Desktop',
  codex: 'Codex CLI',
  'responses-api': 'OpenAI Responses API',
  chatgpt: 'ChatGPT',
  curl: 'curl (test)',
};

/** Pick a client and a key; get the exact config, where it goes, and what to do. */
export function ConnectScreen() {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo>();
  const [keys, setKeys] = useState<KeyRow[]>([]);
  const [target, setTarget] = useState<ClientId>('claude-code');
  const [keyId, setKeyId] = useState('');
  const [config, setConfig] = useState<ConnectorConfig>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    client.invoke('app.info', {}).then(setInfo, (e: unknown) => setError(errorText(e)));
    client.invoke('keys.list', {}).then(
      (listing) => {
        const usable = listing.keys.filter((key) => key.status === 'active');
        setKeys(usable);
        setKeyId((current) => current || (usable[0]?.id ?? ''));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [client]);

  useEffect(() => {
    if (!info || !keyId) return setConfig(undefined);
    let current = true;
    client.invoke('keys.reveal', { id: keyId }).then(
      ({ secret }) => {
        if (current) {
          setConfig(
            connectorConfig(target, {
              mcpUrl: info.mcpUrl,
              apiKey: secret,
              platform: info.platform,
              ...(info.publicMcpUrl !== undefined && { publicMcpUrl: info.publicMcpUrl }),
            }),
          );
        }
      },
      (e: unknown) => setError(errorText(e)),
    );
    return () => {
      current = false;
    };
  }, [client, info, keyId, target]);

  return (
    <section aria-labelledby="connect-title">
      <h1 id="connect-title">Connect a client</h1>
      {error && <ErrorNote message={error} />}
      <div className="pickers">
        <label>
          <span id="pick-client-label">Client</span>
          <select
            aria-labelledby="pick-client-label"
            value={target}
            onChange={(e) => setTarget(e.target.value as ClientId)}
          >
            {CLIENT_IDS.map((id) => (
              <option key={id} value={id}>
                {CLIENT_TITLES[id]}
              </option>
            ))}
          </select>
        </label>
        <KeySelect keys={keys} value={keyId} onChange={setKeyId} />
      </div>
      {keys.length === 0 && (
        <div className="empty">Create a key first (Keys), then come back to get its config.</div>
      )}
      {config && (
        <article className="config">
          <h2>{config.title}</h2>
          {config.note && <div className="note">{config.note}</div>}
          {config.path && (
            <p>
              Goes in <code>{config.path}</code>
            </p>
          )}
          <pre tabIndex={0} aria-label={`${config.title} configuration`}>
            <code data-testid="config-text">{config.text}</code>
          </pre>
          <CopyButton
            text={config.text}
            label="Copy"
            ariaLabel={`Copy the ${config.title} configuration`}
            className="primary"
          />
          <ol>
            {config.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </article>
      )}
    </section>
  );
}

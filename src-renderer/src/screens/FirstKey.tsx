import { useEffect, useState } from 'react';
import { clientIdsFor, type ClientId } from '../../../src-shared/connectors/connector-configs.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { CLIENT_TITLES } from '../view/client-titles.ts';
import { navigate } from '../view/route.ts';

/** The clients a first key is usually for: those that run on this computer and take a key today. */
const LOCAL: readonly ClientId[] = ['claude-code', 'cursor', 'vscode', 'claude-desktop', 'codex'];

/** Tools may be listed and called; the server status and anything admin stays out of a first key. */
export const FIRST_KEY_PERMISSIONS = ['tools:list', 'tools:call'];

/**
 * A first run: which client is the key for? The key is named after it, may use the tools and nothing more,
 * and the person lands on that client's config in Connect.
 */
export function FirstKey() {
  const client = useClient();
  const [platform, setPlatform] = useState<'darwin' | 'win32' | 'linux'>('linux');
  const [tools, setTools] = useState<{ name: string; title: string; description: string }[]>([]);
  const [target, setTarget] = useState<ClientId>('claude-code');
  const [error, setError] = useState<string>();
  useEffect(() => {
    client.invoke('app.info', {}).then(
      (info) => setPlatform(info.platform),
      () => {},
    );
    client.invoke('tools.list', {}).then(
      (r) => setTools(r.tools),
      () => {},
    );
  }, [client]);
  const offered = LOCAL.filter((id) => clientIdsFor(platform).includes(id));
  const create = async () => {
    try {
      const { key } = await client.invoke('keys.create', {
        name: CLIENT_TITLES[target],
        permissions: FIRST_KEY_PERMISSIONS,
      });
      navigate('connect', { client: target, key: key.id, created: '1' });
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="empty">
      <h2>No keys yet</h2>
      <p>
        A key lets one AI client use this computer’s tools. Make one per client, so each can be limited or
        revoked alone.
      </p>
      {tools.length > 0 && (
        <p>
          Tools this server offers today:{' '}
          {tools.map((tool, index) => (
            <span key={tool.name}>
              {index > 0 && ', '}
              <code>{tool.name}</code> ({(tool.description || tool.title).replace(/\.$/, '')})
            </span>
          ))}
          .
        </p>
      )}
      <div className="pickers">
        <label>
          <span id="first-client-label">Which client is it for?</span>
          <select
            aria-labelledby="first-client-label"
            value={target}
            onChange={(e) => setTarget(e.target.value as ClientId)}
          >
            {offered.map((id) => (
              <option key={id} value={id}>
                {CLIENT_TITLES[id]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button primary" onClick={() => void create()}>
          Create a key for {CLIENT_TITLES[target]}
        </button>
      </div>
      <p className="muted">It may list and call the tools, nothing more; Edit changes that later.</p>
      {error && <ErrorNote message={error} />}
    </div>
  );
}

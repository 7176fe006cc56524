import { useCallback, useEffect, useState } from 'react';
import type { ActivityRow, KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { KeySelect } from '../parts/KeySelect.tsx';
import { errorText, useClient } from '../use-contract.ts';

const PAGE = 50;

/** Recent MCP requests, newest first, live as they arrive, filterable by key. */
export function ActivityScreen() {
  const client = useClient();
  const [rows, setRows] = useState<ActivityRow[]>([]);
  const [keys, setKeys] = useState<KeyRow[]>([]);
  const [keyId, setKeyId] = useState('');
  const [more, setMore] = useState<string>();
  const [error, setError] = useState<string>();

  const load = useCallback(
    (before?: string) => {
      client
        .invoke('activity.list', { limit: PAGE, ...(keyId && { keyId }), ...(before && { before }) })
        .then(
          (page) => {
            setRows((current) => (before ? [...current, ...page.entries] : page.entries));
            setMore(page.nextBefore);
          },
          (e: unknown) => setError(errorText(e)),
        );
    },
    [client, keyId],
  );
  useEffect(() => {
    load();
    return client.on('activity.added', (row) => {
      if (!keyId || row.keyId === keyId) setRows((current) => [row, ...current].slice(0, 500));
    });
  }, [client, keyId, load]);
  useEffect(() => {
    client.invoke('keys.list', {}).then(
      (listing) => setKeys(listing.keys),
      () => {},
    );
  }, [client]);

  return (
    <section aria-labelledby="activity-title">
      <div className="section-head">
        <h1 id="activity-title">Activity</h1>
        <KeySelect keys={keys} value={keyId} onChange={setKeyId} allLabel="All keys" />
      </div>
      {error && <ErrorNote message={error} action={{ label: 'Try again', run: () => load() }} />}
      {rows.length === 0 ? (
        <div className="empty">
          No requests yet. Once a client connects, its calls show up here as they happen.
        </div>
      ) : (
        <table className="table" data-testid="activity">
          <thead>
            <tr>
              <th>Time</th>
              <th>Key</th>
              <th>Request</th>
              <th>Status</th>
              <th>Duration</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${row.time}-${index}`}>
                <td>{new Date(row.time).toLocaleTimeString()}</td>
                <td>{row.keyName ?? <span className="muted">no key</span>}</td>
                <td>
                  <code>
                    {row.tool
                      ? `${row.mcpMethod} ${row.tool}`
                      : (row.mcpMethod ?? `${row.method} ${row.path}`)}
                  </code>
                </td>
                <td className={row.status >= 400 ? 'status-bad' : ''}>{row.status}</td>
                <td>{row.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="button" onClick={() => load(more)}>
          Older
        </button>
      )}
    </section>
  );
}

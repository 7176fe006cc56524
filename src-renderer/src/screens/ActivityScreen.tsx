import { useCallback, useEffect, useId, useState } from 'react';
import type { ActivityRow, ActivityStatus, KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { statusMatches } from '../../../src-shared/activity-status.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { KeySelect } from '../parts/KeySelect.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { activityCsv, callerLabel, requestLabel } from '../view/activity-format.ts';

const PAGE = 50;
/** The most an export holds: the newest this many requests that match the filters. */
const EXPORT_MAX = 500;

const STATUS_CHOICES: { value: ActivityStatus | ''; label: string }[] = [
  { value: '', label: 'Every answer' },
  { value: 'ok', label: 'Served' },
  { value: 'refused', label: 'Refused (401, 403)' },
  { value: 'limited', label: 'Rate-limited (429)' },
  { value: 'failed', label: 'Other errors' },
];

function matches(row: ActivityRow, keyId: string, status: ActivityStatus | ''): boolean {
  return (!keyId || row.keyId === keyId) && (status === '' || statusMatches(row.status, status));
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Recent MCP requests, newest first, live as they arrive, filterable by key and outcome, exportable. */
export function ActivityScreen() {
  const client = useClient();
  const statusLabel = useId();
  const [rows, setRows] = useState<ActivityRow[]>([]);
  const [keys, setKeys] = useState<KeyRow[]>([]);
  const [keyId, setKeyId] = useState('');
  const [status, setStatus] = useState<ActivityStatus | ''>('');
  const [more, setMore] = useState<string>();
  const [error, setError] = useState<string>();

  const query = useCallback(
    (limit: number, before?: string) =>
      client.invoke('activity.list', {
        limit,
        ...(keyId && { keyId }),
        ...(status && { status }),
        ...(before && { before }),
      }),
    [client, keyId, status],
  );
  const load = useCallback(
    (before?: string) => {
      query(PAGE, before).then(
        (page) => {
          setRows((current) => (before ? [...current, ...page.entries] : page.entries));
          setMore(page.nextBefore);
        },
        (e: unknown) => setError(errorText(e)),
      );
    },
    [query],
  );
  useEffect(() => {
    load();
    return client.on('activity.added', (row) => {
      if (matches(row, keyId, status)) setRows((current) => [row, ...current].slice(0, 500));
    });
  }, [client, keyId, status, load]);
  useEffect(() => {
    client.invoke('keys.list', {}).then(
      (listing) => setKeys(listing.keys),
      () => {},
    );
  }, [client]);
  const exportAs = async (format: 'csv' | 'json') => {
    try {
      const { entries } = await query(EXPORT_MAX);
      const day = new Date().toISOString().slice(0, 10);
      if (format === 'csv') download(`mcp-tray-activity-${day}.csv`, 'text/csv', activityCsv(entries));
      else
        download(
          `mcp-tray-activity-${day}.json`,
          'application/json',
          `${JSON.stringify(entries, null, 2)}\n`,
        );
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section aria-labelledby="activity-title">
      <div className="section-head">
        <h1 id="activity-title">Activity</h1>
        <div className="pickers">
          <KeySelect keys={keys} value={keyId} onChange={setKeyId} allLabel="All keys" />
          <label>
            <span id={statusLabel}>Answer</span>
            <select
              aria-labelledby={statusLabel}
              value={status}
              onChange={(e) => setStatus(e.target.value as ActivityStatus | '')}
            >
              {STATUS_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" className="button" onClick={() => void exportAs('json')}>
            Export JSON
          </button>
        </div>
      </div>
      {error && <ErrorNote message={error} action={{ label: 'Try again', run: () => load() }} />}
      {rows.length === 0 ? (
        <div className="empty">
          {keyId || status
            ? 'No requests match these filters.'
            : 'No requests yet. Once a client connects, its calls show up here as they happen.'}
        </div>
      ) : (
        <table className="table cards" data-testid="activity">
          <thead>
            <tr>
              <th>When</th>
              <th>Key</th>
              <th>Request</th>
              <th>Status</th>
              <th>Client</th>
              <th>Address</th>
              <th>Duration</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${row.time}-${index}`}>
                <td data-label="When">
                  <time dateTime={row.time}>{new Date(row.time).toLocaleString()}</time>
                </td>
                <td data-label="Key">
                  {row.keyName === null ? (
                    <span className="muted">{callerLabel(row)}</span>
                  ) : (
                    callerLabel(row)
                  )}
                </td>
                <td data-label="Request">
                  <code>{requestLabel(row)}</code>
                  {row.connectionTest && <span className="badge">test</span>}
                  {row.viaPublicUrl && (
                    <span className="badge" title="It came by the public URL, from the internet">
                      public
                    </span>
                  )}
                </td>
                <td data-label="Status" className={row.status >= 400 ? 'status-bad' : ''}>
                  {row.status}
                </td>
                <td data-label="Client" className="wrap-anywhere">
                  {row.userAgent ?? <span className="muted">unknown</span>}
                </td>
                <td data-label="Address">{row.remoteAddress ?? ''}</td>
                <td data-label="Duration">{row.durationMs} ms</td>
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

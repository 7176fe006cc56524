import { useCallback, useEffect, useState } from 'react';
import type { ConnectedAppView } from '../../../src-shared/connected-app-view.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { TableHead } from '../parts/TableHead.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { timeAgo } from '../view/time-format.ts';

/**
 * Apps connected with OAuth (ChatGPT, Claude...): which app, approved with which key, when, last used, and
 * Revoke. Shown once there is one; revoking the key that approved an app ends it too.
 */
export function ConnectedApps() {
  const client = useClient();
  const [apps, setApps] = useState<ConnectedAppView[]>([]);
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    client.invoke('apps.list', {}).then(
      (listing) => {
        setApps(listing.apps);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [client]);
  useEffect(() => {
    load();
    const offApps = client.on('apps.changed', (view) => setApps(view.apps));
    const offKeys = client.on('keys.changed', load);
    return () => {
      offApps();
      offKeys();
    };
  }, [client, load]);
  const revoke = (app: ConnectedAppView) =>
    client.invoke('apps.revoke', { grantId: app.grantId }).then(
      (listing) => setApps(listing.apps),
      (e: unknown) => setError(errorText(e)),
    );

  if (apps.length === 0 && error === undefined) return null;
  return (
    <section aria-labelledby="apps-title" className="subsection">
      <h2 id="apps-title">Connected apps</h2>
      <p className="muted">
        Apps that connected with OAuth. Each can do what the key it was approved with may do.
      </p>
      {error && <ErrorNote message={error} action={{ label: 'Try again', run: load }} />}
      <table className="table cards">
        <TableHead columns={['App', 'Sends approvals to', 'Approved with', 'Connected', 'Last used']} />
        <tbody>
          {apps.map((app) => (
            <tr key={app.grantId}>
              <td data-label="App">{app.clientName}</td>
              <td data-label="Sends approvals to">{app.redirectHost}</td>
              <td data-label="Approved with">{app.approvedBy}</td>
              <td data-label="Connected">{timeAgo(app.createdAt)}</td>
              <td data-label="Last used">{timeAgo(app.lastUsedAt)}</td>
              <td className="row-actions">
                <button type="button" className="button danger" onClick={() => void revoke(app)}>
                  Revoke {app.clientName}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

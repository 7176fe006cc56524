import { useCallback, useEffect, useState } from 'react';
import { APPROVAL_PRESETS, type ApprovalPreset } from '../../../src-shared/approval-presets.ts';
import type { AppsView } from '../../../src-shared/connected-app-view.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { TableHead } from '../parts/TableHead.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { timeAgo } from '../view/time-format.ts';
import { WaitingApps } from './WaitingApps.tsx';

/**
 * Apps connected with OAuth (ChatGPT, Claude...): which app, approved with which key (or by you, here), when,
 * last used, and Revoke; above them, the apps waiting for an answer. Shown once there is one.
 */
export function ConnectedApps() {
  const client = useClient();
  const [view, setView] = useState<AppsView>({ apps: [], waiting: [] });
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    client.invoke('apps.list', {}).then(
      (listing) => {
        setView(listing);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [client]);
  useEffect(() => {
    load();
    const offApps = client.on('apps.changed', setView);
    const offKeys = client.on('keys.changed', load);
    return () => {
      offApps();
      offKeys();
    };
  }, [client, load]);
  const act = (run: () => Promise<AppsView>) =>
    run().then(setView, (e: unknown) => {
      setError(errorText(e));
      load();
    });
  const answer = {
    approve: (uid: string, preset: ApprovalPreset) =>
      act(() => client.invoke('apps.approve', { uid, preset })),
    deny: (uid: string) => act(() => client.invoke('apps.deny', { uid })),
  };

  if (view.apps.length === 0 && view.waiting.length === 0 && error === undefined) return null;
  return (
    <section aria-labelledby="apps-title" className="subsection">
      <h2 id="apps-title">Connected apps</h2>
      <p className="muted">
        Apps that connected with OAuth. Each can do what the key it was approved with may do, or what you
        chose when you approved it here.
      </p>
      {error && <ErrorNote message={error} action={{ label: 'Try again', run: load }} />}
      <WaitingApps waiting={view.waiting} presets={APPROVAL_PRESETS} {...answer} />
      {view.apps.length > 0 && (
        <table className="table cards">
          <TableHead columns={['App', 'Sends approvals to', 'Approved by', 'Connected', 'Last used']} />
          <tbody>
            {view.apps.map((app) => (
              <tr key={app.grantId}>
                <td data-label="App">{app.clientName}</td>
                <td data-label="Sends approvals to">{app.redirectHost}</td>
                <td data-label="Approved by">{app.approvedBy}</td>
                <td data-label="Connected">{timeAgo(app.createdAt)}</td>
                <td data-label="Last used">{timeAgo(app.lastUsedAt)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button danger"
                    onClick={() => void act(() => client.invoke('apps.revoke', { grantId: app.grantId }))}
                  >
                    Revoke {app.clientName}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

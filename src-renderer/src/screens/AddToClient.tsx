import { useCallback, useEffect, useState } from 'react';
import type {
  ConnectClientView,
  ConnectOutcome,
  ConnectScope,
  KeyWay,
} from '../../../src-shared/connect-view.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { TableHead } from '../parts/TableHead.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { ConnectOutcomeNote } from './ConnectOutcomeNote.tsx';
import { ConnectPreview, type Target } from './ConnectPreview.tsx';

const WAYS: Record<KeyWay | 'other', string> = {
  bridge: 'key from the keychain',
  prompt: 'asks for the key',
  'in-file': 'key in the file',
  other: 'set by hand',
};

/**
 * "Add to <client>": every client MCP Tray can write itself into, whether it is installed here and
 * connected; Add shows the exact change first, writes it, and offers Undo.
 */
export function AddToClient() {
  const client = useClient();
  const [clients, setClients] = useState<ConnectClientView[]>();
  const [backupsDir, setBackupsDir] = useState<string>();
  const [pending, setPending] = useState<{ target: Target; remove: boolean }>();
  const [done, setDone] = useState<{
    outcome: ConnectOutcome & { revoked?: string };
    target: Target;
    removed: boolean;
  }>();
  const [error, setError] = useState<string>();

  const load = useCallback(() => {
    client.invoke('clients.list', {}).then(
      (view) => {
        setClients(view.clients);
        setBackupsDir(view.backupsDir);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [client]);
  useEffect(load, [load]);

  const reveal = async (id: string) => (await client.invoke('keys.reveal', { id })).secret;
  const finished = (outcome: ConnectOutcome & { revoked?: string }, target: Target, removed: boolean) => {
    setPending(undefined);
    setDone({ outcome, target, removed });
    load();
  };
  const undo = async (target: Target) => {
    try {
      finished(await client.invoke('clients.disconnect', target), target, true);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const sorted = [...(clients ?? [])].sort((a, b) => Number(b.installed) - Number(a.installed));

  return (
    <section aria-labelledby="add-to-client-title" className="add-to-client">
      <h2 id="add-to-client-title">Add to a client</h2>
      <p className="muted">
        MCP Tray writes itself into the client’s own config file: you see the change first, the file as it was
        is kept
        {backupsDir !== undefined && (
          <>
            {' '}
            in <code>{backupsDir}</code>
          </>
        )}
        , and Undo puts it back. By default the client runs MCP Tray’s bridge, which reads the client’s own
        key from the keychain: no key is written in the file.
      </p>
      {error && <ErrorNote message={error} />}
      {done && (
        <ConnectOutcomeNote
          outcome={done.outcome}
          reveal={reveal}
          {...(!done.removed && { onUndo: () => void undo(done.target) })}
        />
      )}
      {clients && (
        <table className="table cards">
          <TableHead columns={['Client', 'On this computer', 'Connected']} />
          <tbody>
            {sorted.map((view) => (
              <tr key={view.id} data-testid={`client-${view.id}`}>
                <td data-label="Client">{view.title}</td>
                <td data-label="On this computer">
                  {view.installed ? 'Installed' : <span className="muted">Not found</span>}
                </td>
                <td data-label="Connected" className="wrap-anywhere">
                  {view.connected?.map((c) => (
                    <div key={c.file}>
                      {c.scope === 'project' ? 'Project' : 'Yes'}: {WAYS[c.way]}
                      {c.keyName !== undefined && <>, key “{c.keyName}”</>}
                    </div>
                  )) ?? <span className="muted">No</span>}
                  {view.checkCommand && view.connected && (
                    <div className="muted">
                      Check: <code>{view.checkCommand}</code>
                    </div>
                  )}
                </td>
                <td className="row-actions">
                  <div className="row-actions-inner">
                    <button
                      type="button"
                      className={`button${view.installed && !view.connected ? ' primary' : ''}`}
                      onClick={() => setPending({ target: { client: view.id }, remove: false })}
                    >
                      {view.connected ? `Change ${view.title}` : `Add to ${view.title}`}
                    </button>
                    {view.connected && (
                      <button
                        type="button"
                        className="button"
                        onClick={() =>
                          setPending({
                            target: { client: view.id, scope: view.connected![0]!.scope as ConnectScope },
                            remove: true,
                          })
                        }
                      >
                        Remove
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending && clients && (
        <ConnectPreview
          view={clients.find((c) => c.id === pending.target.client)!}
          initial={pending.target}
          remove={pending.remove}
          onCancel={() => setPending(undefined)}
          onDone={(outcome, target) => finished(outcome, target, pending.remove)}
        />
      )}
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { CopyButton } from '../parts/CopyButton.tsx';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { Modal } from '../parts/Modal.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { rateText } from '../../../src-shared/key-limits.ts';
import { describePermissions } from '../view/permission-presets.ts';
import { expiryLabel, timeAgo } from '../view/time-format.ts';
import { FirstKey } from './FirstKey.tsx';
import { KeyDialog } from './KeyDialog.tsx';
import { KeyTest } from './KeyTest.tsx';
import { NewSecret } from './NewSecret.tsx';

type Pending =
  | { kind: 'create' }
  | { kind: 'edit'; key: KeyRow }
  | { kind: 'confirm'; action: 'rotate' | 'revoke'; key: KeyRow }
  | { kind: 'secret'; name: string; secret: string }
  | { kind: 'test'; key: KeyRow };

/** The keys: a table, a create dialog, and per key copy, reveal, test, rotate, revoke, edit. */
export function KeysScreen() {
  const client = useClient();
  const [keys, setKeys] = useState<KeyRow[]>();
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<Pending>();
  const [revealed, setRevealed] = useState<Record<string, string>>({});

  const load = useCallback(() => {
    client.invoke('keys.list', {}).then(
      (listing) => {
        setKeys(listing.keys);
        setProblems(listing.problems);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [client]);
  useEffect(() => {
    load();
    return client.on('keys.changed', load);
  }, [client, load]);

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const reveal = async (key: KeyRow) => (await client.invoke('keys.reveal', { id: key.id })).secret;

  return (
    <section aria-labelledby="keys-title">
      <div className="section-head">
        <h1 id="keys-title">API keys</h1>
        <button type="button" className="button primary" onClick={() => setPending({ kind: 'create' })}>
          Create key
        </button>
      </div>
      {error && <ErrorNote message={error} action={{ label: 'Try again', run: load }} />}
      {problems.map((problem) => (
        <div key={problem} className="note">
          {problem}
        </div>
      ))}
      {keys?.length === 0 && <FirstKey />}
      {keys !== undefined && keys.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th>May</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Requests</th>
              <th>Expires</th>
              <th>Rate limit</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr
                key={key.id}
                className={key.status === 'active' || key.status === 'environment' ? '' : 'inactive'}
              >
                <td>
                  {key.name}
                  {key.status !== 'active' && (
                    <span className={`badge badge-${key.status}`}>
                      {key.status === 'environment' ? 'from environment' : key.status.replace('_', ' ')}
                    </span>
                  )}
                </td>
                <td>
                  <code>{revealed[key.id] ?? (key.prefix || '—')}</code>
                </td>
                <td>{describePermissions(key.permissions)}</td>
                <td>{timeAgo(key.createdAt)}</td>
                <td>{timeAgo(key.lastUsedAt)}</td>
                <td>{key.requestCount}</td>
                <td>{expiryLabel(key.expiresAt)}</td>
                <td>{key.rateLimit ? rateText(key.rateLimit) : 'default'}</td>
                <td className="row-actions">
                  {key.status === 'active' && (
                    <>
                      <CopyButton
                        text={() => reveal(key)}
                        label="Copy connector key"
                        ariaLabel={`Copy the key ${key.name}`}
                      />
                      <button
                        type="button"
                        className="button"
                        onClick={() =>
                          revealed[key.id]
                            ? setRevealed(({ [key.id]: _hidden, ...rest }) => rest)
                            : void act(async () => setRevealed({ ...revealed, [key.id]: await reveal(key) }))
                        }
                      >
                        {revealed[key.id] ? 'Hide' : 'Reveal'}
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() => setPending({ kind: 'test', key })}
                      >
                        Test
                      </button>
                    </>
                  )}
                  {!key.readOnly && key.status !== 'revoked' && (
                    <>
                      <button
                        type="button"
                        className="button"
                        onClick={() => setPending({ kind: 'edit', key })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() => setPending({ kind: 'confirm', action: 'rotate', key })}
                      >
                        Rotate
                      </button>
                      <button
                        type="button"
                        className="button danger"
                        onClick={() => setPending({ kind: 'confirm', action: 'revoke', key })}
                      >
                        Revoke
                      </button>
                    </>
                  )}
                  {!key.readOnly && key.status === 'revoked' && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void act(() => client.invoke('keys.delete', { id: key.id }))}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {(pending?.kind === 'create' || pending?.kind === 'edit') && (
        <KeyDialog
          {...(pending.kind === 'edit' && { editing: pending.key })}
          onCancel={() => setPending(undefined)}
          onDone={(created) => {
            setPending(
              created ? { kind: 'secret', name: created.key.name, secret: created.secret } : undefined,
            );
            load();
          }}
        />
      )}
      {pending?.kind === 'secret' && (
        <NewSecret name={pending.name} secret={pending.secret} onClose={() => setPending(undefined)} />
      )}
      {pending?.kind === 'confirm' && (
        <Modal
          title={
            pending.action === 'rotate' ? `Rotate “${pending.key.name}”?` : `Revoke “${pending.key.name}”?`
          }
          onClose={() => setPending(undefined)}
        >
          <p>
            {pending.action === 'rotate'
              ? 'A new secret replaces the old one at once; clients using the old one are refused until you paste the new one.'
              : 'Clients using this key are refused from now on. This cannot be undone.'}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => setPending(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              className="button danger"
              onClick={() => {
                const { key, action } = pending;
                void act(async () => {
                  if (action === 'revoke') {
                    await client.invoke('keys.revoke', { id: key.id });
                    setPending(undefined);
                  } else {
                    const rotated = await client.invoke('keys.rotate', { id: key.id });
                    setPending({ kind: 'secret', name: key.name, secret: rotated.secret });
                  }
                });
              }}
            >
              {pending.action === 'rotate' ? 'Rotate' : 'Revoke'}
            </button>
          </div>
        </Modal>
      )}
      {pending?.kind === 'test' && <KeyTest keyRow={pending.key} onClose={() => setPending(undefined)} />}
    </section>
  );
}

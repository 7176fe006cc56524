import { useCallback, useEffect, useState } from 'react';
import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { TableHead } from '../parts/TableHead.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { rateText } from '../../../src-shared/key-limits.ts';
import { describePermissions } from '../view/permission-presets.ts';
import { expiryLabel, timeAgo } from '../view/time-format.ts';
import { ConfirmKeyAction } from './ConfirmKeyAction.tsx';
import { FirstKey } from './FirstKey.tsx';
import { KeyRowActions } from './KeyRowActions.tsx';
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
  const missing = (keys ?? []).filter((key) => key.status === 'secret_missing');
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
      {missing.map((key) => (
        <div key={key.id} className="note note-error" role="alert">
          <span>
            Key “{key.name}” has no secret in the keychain, so no client can use it. Rotate it to make a new
            secret (then paste it into its client), or delete it.
          </span>
          <button
            type="button"
            className="button"
            onClick={() => setPending({ kind: 'confirm', action: 'rotate', key })}
          >
            Rotate “{key.name}”
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => void act(() => client.invoke('keys.delete', { id: key.id }))}
          >
            Delete “{key.name}”
          </button>
        </div>
      ))}
      {problems
        .filter((problem) => !missing.some((key) => problem.includes(`(${key.id})`)))
        .map((problem) => (
          <div key={problem} className="note">
            {problem}
          </div>
        ))}
      {keys?.length === 0 && <FirstKey />}
      {keys !== undefined && keys.length > 0 && (
        <table className="table cards">
          <TableHead
            columns={['Name', 'Key', 'May', 'Created', 'Last used', 'Requests', 'Expires', 'Rate limit']}
          />
          <tbody>
            {keys.map((key) => (
              <tr
                key={key.id}
                className={key.status === 'active' || key.status === 'environment' ? '' : 'inactive'}
              >
                <td data-label="Name">
                  {key.name}
                  {key.status !== 'active' && (
                    <span className={`badge badge-${key.status}`}>
                      {key.status === 'environment' ? 'from environment' : key.status.replace('_', ' ')}
                    </span>
                  )}
                </td>
                <td data-label="Key">
                  <code>{revealed[key.id] ?? (key.prefix || '—')}</code>
                </td>
                <td data-label="May">{describePermissions(key.permissions)}</td>
                <td data-label="Created">{timeAgo(key.createdAt)}</td>
                <td data-label="Last used">{timeAgo(key.lastUsedAt)}</td>
                <td data-label="Requests">{key.requestCount}</td>
                <td data-label="Expires">{expiryLabel(key.expiresAt)}</td>
                <td data-label="Rate limit">{key.rateLimit ? rateText(key.rateLimit) : 'default'}</td>
                <td className="row-actions">
                  <KeyRowActions
                    keyRow={key}
                    revealed={revealed[key.id] !== undefined}
                    reveal={() => reveal(key)}
                    onToggleReveal={() =>
                      revealed[key.id]
                        ? setRevealed(({ [key.id]: _hidden, ...rest }) => rest)
                        : void act(async () => setRevealed({ ...revealed, [key.id]: await reveal(key) }))
                    }
                    onTest={() => setPending({ kind: 'test', key })}
                    onEdit={() => setPending({ kind: 'edit', key })}
                    onRotate={() => setPending({ kind: 'confirm', action: 'rotate', key })}
                    onRevoke={() => setPending({ kind: 'confirm', action: 'revoke', key })}
                    onDelete={() => void act(() => client.invoke('keys.delete', { id: key.id }))}
                  />
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
        <ConfirmKeyAction
          action={pending.action}
          keyRow={pending.key}
          onCancel={() => setPending(undefined)}
          onConfirm={(graceSeconds, removeFrom) => {
            const { key, action } = pending;
            void act(async () => {
              if (action === 'revoke') {
                await client.invoke('keys.revoke', { id: key.id });
                for (const use of removeFrom)
                  await client.invoke('clients.disconnect', { client: use.client, scope: use.scope });
                setPending(undefined);
              } else {
                const rotated = await client.invoke('keys.rotate', { id: key.id, graceSeconds });
                setPending({ kind: 'secret', name: key.name, secret: rotated.secret });
              }
            });
          }}
        />
      )}
      {pending?.kind === 'test' && <KeyTest keyRow={pending.key} onClose={() => setPending(undefined)} />}
    </section>
  );
}

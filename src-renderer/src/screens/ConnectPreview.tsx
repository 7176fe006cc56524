import { useEffect, useState } from 'react';
import type {
  ConnectClientId,
  ConnectClientView,
  ConnectOutcome,
  ConnectScope,
  KeyWay,
} from '../../../src-shared/connect-view.ts';
import { DiffView } from '../parts/DiffView.tsx';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { Modal } from '../parts/Modal.tsx';
import { errorText, useClient } from '../use-contract.ts';

export interface Target {
  client: ConnectClientId;
  scope?: ConnectScope;
  projectDir?: string;
  way?: KeyWay;
}

const WAY_LABELS: Record<KeyWay, string> = {
  bridge: 'MCP Tray’s bridge reads the key from the keychain (no key in the file)',
  prompt: 'The client asks for the key once and keeps it in its secret storage',
  'in-file': 'The key itself in the file (only if the client cannot do otherwise)',
};

/**
 * The change to a client's file before it is made (a dry run: nothing written, no key made), with the
 * choices that change it (how the key is given, user or project config); Write makes it.
 */
export function ConnectPreview({
  view,
  initial,
  remove,
  onCancel,
  onDone,
}: {
  view: ConnectClientView;
  initial: Target;
  remove: boolean;
  onCancel: () => void;
  onDone: (outcome: ConnectOutcome & { revoked?: string }, target: Target) => void;
}) {
  const client = useClient();
  const [target, setTarget] = useState<Target>(initial);
  const [preview, setPreview] = useState<ConnectOutcome>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const needsProject = target.scope === 'project' && (target.projectDir ?? '') === '';

  useEffect(() => {
    setPreview(undefined);
    setError(undefined);
    if (needsProject) return;
    const request = remove
      ? client.invoke('clients.disconnect', { ...target, dryRun: true })
      : client.invoke('clients.connect', { ...target, dryRun: true });
    request.then(setPreview, (e: unknown) => setError(errorText(e)));
  }, [client, target, remove, needsProject]);

  const write = async () => {
    setBusy(true);
    try {
      onDone(
        remove
          ? await client.invoke('clients.disconnect', target)
          : await client.invoke('clients.connect', {
              ...target,
              // The key the preview named is the one made: what was shown is what is written.
              ...(preview?.key?.created === true && { newKeyId: preview.key.id }),
            }),
        target,
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={remove ? `Remove MCP Tray from ${view.title}` : `Add MCP Tray to ${view.title}`}
      onClose={onCancel}
    >
      {!remove && view.ways.length > 1 && (
        <fieldset>
          <legend>How {view.title} gets its key</legend>
          {view.ways.map((way) => (
            <label key={way} className="choice">
              <input
                type="radio"
                name="way"
                checked={(target.way ?? view.ways[0]) === way}
                onChange={() => setTarget({ ...target, way })}
              />{' '}
              {WAY_LABELS[way]}
            </label>
          ))}
        </fieldset>
      )}
      {view.scopes.length > 1 && (
        <fieldset>
          <legend>Which config</legend>
          <label className="choice">
            <input
              type="radio"
              name="scope"
              checked={(target.scope ?? 'user') === 'user'}
              onChange={() => setTarget({ ...target, scope: 'user' })}
            />{' '}
            Yours (every project)
          </label>
          <label className="choice">
            <input
              type="radio"
              name="scope"
              checked={target.scope === 'project'}
              onChange={() => setTarget({ ...target, scope: 'project' })}
            />{' '}
            One project’s
          </label>
          {target.scope === 'project' && (
            <label>
              Project folder (its full path)
              <input
                type="text"
                value={target.projectDir ?? ''}
                onChange={(e) => setTarget({ ...target, projectDir: e.target.value })}
              />
            </label>
          )}
        </fieldset>
      )}
      {error && <ErrorNote message={error} />}
      {preview && (
        <>
          <p>
            {preview.changed ? 'This is the change to ' : 'Nothing to change in '}
            <code>{preview.file}</code>
            {preview.changed ? ':' : '.'}
          </p>
          {preview.changed && <DiffView diff={preview.diff} label={`The change to ${preview.file}`} />}
          {!remove && preview.key?.created && preview.changed && (
            <p className="muted">
              A key named “{preview.key.name}” is made for it, with the tool permissions only.
            </p>
          )}
        </>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={`button ${remove ? 'danger' : 'primary'}`}
          disabled={busy || preview === undefined || !preview.changed}
          onClick={() => void write()}
        >
          {remove ? 'Remove' : 'Write it'}
        </button>
      </div>
    </Modal>
  );
}

import { useEffect, useState } from 'react';
import type { ConnectClientId, ConnectScope } from '../../../src-shared/connect-view.ts';
import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { Modal } from '../parts/Modal.tsx';
import { useClient } from '../use-contract.ts';

/** A client config that uses a key: what revoking it offers to clean up. */
export interface KeyUse {
  client: ConnectClientId;
  title: string;
  scope: ConnectScope;
  file: string;
}

/** How long the old secret keeps working after a rotation: the same choices as the CLI's --grace. */
const GRACE_CHOICES = [
  { label: 'No grace: the old secret stops at once', seconds: 0 },
  { label: '10 minutes', seconds: 600 },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86_400 },
  { label: '7 days', seconds: 7 * 86_400 },
];

interface Props {
  action: 'rotate' | 'revoke';
  keyRow: KeyRow;
  onCancel: () => void;
  /** Rotate: with the chosen grace period in seconds. Revoke: with the client configs to take MCP Tray out of. */
  onConfirm: (graceSeconds: number, removeFrom: KeyUse[]) => void;
}

/** The client configs MCP Tray wrote that use `keyId`. */
function useKeyUses(keyId: string, wanted: boolean): KeyUse[] {
  const client = useClient();
  const [uses, setUses] = useState<KeyUse[]>([]);
  useEffect(() => {
    if (!wanted) return;
    client.invoke('clients.list', {}).then(
      (view) =>
        setUses(
          view.clients.flatMap((c) =>
            (c.connected ?? [])
              // Project configs are offered from Connect, where their folder is given.
              .filter((connection) => connection.keyId === keyId && connection.scope === 'user')
              .map((connection) => ({
                client: c.id,
                title: c.title,
                scope: connection.scope,
                file: connection.file,
              })),
          ),
        ),
      // Without the list, revoking still works; there is only nothing to offer.
      () => setUses([]),
    );
  }, [client, keyId, wanted]);
  return uses;
}

/** Asks before a rotation (offering a grace period) or a revocation (which cannot be undone). */
export function ConfirmKeyAction({ action, keyRow, onCancel, onConfirm }: Props) {
  const [grace, setGrace] = useState(0);
  const rotate = action === 'rotate';
  const uses = useKeyUses(keyRow.id, !rotate);
  const [keep, setKeep] = useState<string[]>([]);
  return (
    <Modal title={rotate ? `Rotate “${keyRow.name}”?` : `Revoke “${keyRow.name}”?`} onClose={onCancel}>
      {rotate ? (
        <>
          <p>A new secret replaces the old one. Paste the new one into the client that uses this key.</p>
          <label className="form-row">
            The old secret keeps working for
            <select value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
              {GRACE_CHOICES.map((choice) => (
                <option key={choice.seconds} value={choice.seconds}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : (
        <>
          <p>Clients using this key are refused from now on. This cannot be undone.</p>
          {uses.length > 0 && (
            <fieldset>
              <legend>MCP Tray wrote this key into these clients: take it out of them too</legend>
              {uses.map((use) => (
                <label key={use.file} className="choice">
                  <input
                    type="checkbox"
                    checked={!keep.includes(use.file)}
                    onChange={(e) =>
                      setKeep(e.target.checked ? keep.filter((f) => f !== use.file) : [...keep, use.file])
                    }
                  />{' '}
                  {use.title} <code>{use.file}</code>
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() =>
            onConfirm(
              grace,
              uses.filter((use) => !keep.includes(use.file)),
            )
          }
        >
          {rotate ? 'Rotate' : 'Revoke'}
        </button>
      </div>
    </Modal>
  );
}

import { useState } from 'react';
import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { Modal } from '../parts/Modal.tsx';

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
  /** Rotate: with the chosen grace period in seconds. */
  onConfirm: (graceSeconds: number) => void;
}

/** Asks before a rotation (offering a grace period) or a revocation (which cannot be undone). */
export function ConfirmKeyAction({ action, keyRow, onCancel, onConfirm }: Props) {
  const [grace, setGrace] = useState(0);
  const rotate = action === 'rotate';
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
        <p>Clients using this key are refused from now on. This cannot be undone.</p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={() => onConfirm(grace)}>
          {rotate ? 'Rotate' : 'Revoke'}
        </button>
      </div>
    </Modal>
  );
}

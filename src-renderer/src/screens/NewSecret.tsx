import { CopyButton } from '../parts/CopyButton.tsx';
import { Modal } from '../parts/Modal.tsx';

/** Shown once after a key is created or rotated: the secret, to copy into the client. */
export function NewSecret({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  return (
    <Modal title={`Key “${name}” is ready`} onClose={onClose}>
      <p>Paste this key into your client, or pick the client under Connect for a ready-made config.</p>
      <div className="secret">
        <code data-testid="new-secret">{secret}</code>
        <CopyButton text={secret} label="Copy key" ariaLabel={`Copy the key ${name}`} className="primary" />
      </div>
      <p className="muted">It stays in your OS keychain; “Copy connector key” in the list copies it again.</p>
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}

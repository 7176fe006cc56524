import type { ConnectOutcome } from '../../../src-shared/connect-view.ts';
import { CopyButton } from '../parts/CopyButton.tsx';

/**
 * What writing a client's config did: the file, where its old version is kept, Undo, the connection check,
 * and what to do next (with the key to paste, for a client that asks for it).
 */
export function ConnectOutcomeNote({
  outcome,
  reveal,
  onUndo,
}: {
  outcome: ConnectOutcome & { revoked?: string };
  reveal: (id: string) => Promise<string>;
  onUndo?: () => void;
}) {
  const removed = onUndo === undefined;
  return (
    <div className="note connect-outcome" role="status" data-testid="connect-outcome">
      <p>
        <strong>
          {!outcome.changed
            ? `${outcome.title} already had MCP Tray: nothing was changed.`
            : removed
              ? `MCP Tray was removed from ${outcome.title}.`
              : `MCP Tray was added to ${outcome.title}.`}
        </strong>{' '}
        <code>{outcome.file}</code>
      </p>
      {outcome.backup !== undefined && (
        <p>
          The file as it was is kept in <code>{outcome.backup}</code>.
        </p>
      )}
      {outcome.key && !removed && (
        <p>
          {outcome.key.created ? 'Made the key' : 'It uses the key'} “{outcome.key.name}”
          {outcome.key.created ? ' for it: it may list and call tools, nothing else.' : '.'}
        </p>
      )}
      {outcome.revoked !== undefined && <p>The key MCP Tray had made for it is revoked.</p>}
      {outcome.check && (
        <p data-testid="connect-check" className={outcome.check.ok ? 'check-ok' : 'check-failed'}>
          {outcome.check.message}
        </p>
      )}
      <ul>
        {outcome.next.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      <div className="actions-inline">
        {outcome.way === 'prompt' && outcome.key && !removed && (
          <CopyButton
            text={() => reveal(outcome.key!.id)}
            label="Copy the key to paste"
            className="primary"
          />
        )}
        {onUndo && outcome.changed && (
          <button type="button" className="button" onClick={onUndo}>
            Undo
          </button>
        )}
      </div>
    </div>
  );
}

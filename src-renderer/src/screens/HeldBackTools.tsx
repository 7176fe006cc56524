import type { UpstreamView } from '../../../src-shared/gateway-view.ts';

/** A server's tools that clients do not get until approved: new ones, changed ones (with what changed), clashes. */
export function HeldBackTools({ server, onApprove }: { server: UpstreamView; onApprove: () => void }) {
  const approvable = server.heldBack.some((held) => held.reason !== 'collision');
  return (
    <div className="note note-error held-back" role="region" aria-label={`Held back from ${server.name}`}>
      <h2>
        {server.heldBack.length} tool{server.heldBack.length === 1 ? '' : 's'} of “{server.name}” held back
      </h2>
      <ul>
        {server.heldBack.map((held) => (
          <li key={held.tool}>
            <code>{held.tool}</code>:{' '}
            {held.reason === 'collision'
              ? `clashes with ${held.clashesWith ?? 'another tool'}; give this server another prefix`
              : held.reason === 'new'
                ? 'new since you approved this server'
                : 'changed since you approved it'}
            {held.changes?.map((change) => (
              <div key={change.field} className="diff">
                <div className="diff-old">
                  − {change.field}: {change.approved}
                </div>
                <div className="diff-new">
                  + {change.field}: {change.offered}
                </div>
              </div>
            ))}
          </li>
        ))}
      </ul>
      {approvable && (
        <button type="button" className="button" onClick={onApprove}>
          Approve {server.name}’s tools as they are now
        </button>
      )}
    </div>
  );
}

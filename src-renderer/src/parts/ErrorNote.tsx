/** A failure, said plainly, with what to do next when there is something to do. */
export function ErrorNote({
  message,
  action,
}: {
  message: string;
  action?: { label: string; run: () => void };
}) {
  return (
    <div className="note note-error" role="alert">
      <span>{message}</span>
      {action && (
        <button type="button" className="button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}

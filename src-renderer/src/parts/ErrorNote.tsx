import { useEffect, useRef } from 'react';

/** A failure, said plainly, with what to do next when there is something to do; it scrolls into view. */
export function ErrorNote({
  message,
  action,
}: {
  message: string;
  action?: { label: string; run: () => void };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces: newer browsers return a promise from scrollIntoView, and an effect may return only a cleanup.
    void ref.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  return (
    <div ref={ref} className="note note-error" role="alert">
      <span>{message}</span>
      {action && (
        <button type="button" className="button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}

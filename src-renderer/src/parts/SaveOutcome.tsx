import { useState } from 'react';
import { errorText } from '../use-contract.ts';
import { ErrorNote } from './ErrorNote.tsx';

/**
 * A settings save and what became of it: `save(call, what)` runs the call, hands its result to `show`, and
 * says "Saved: what." or the error; it resolves to whether it worked (a form then clears its fields).
 */
export function useSaveOutcome<T>(show: (value: T) => void) {
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const save = async (call: () => Promise<T>, what: string): Promise<boolean> => {
    setError(undefined);
    setSaved(undefined);
    try {
      show(await call());
      setSaved(what);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };
  return { error, setError, saved, save };
}

export function SaveOutcome({ error, saved }: { error: string | undefined; saved: string | undefined }) {
  return (
    <>
      {error && <ErrorNote message={error} />}
      {saved && (
        <div className="note" role="status">
          Saved: {saved}.
        </div>
      )}
    </>
  );
}

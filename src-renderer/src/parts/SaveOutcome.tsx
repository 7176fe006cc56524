import { useCallback, useState } from 'react';
import { errorText } from '../use-contract.ts';
import { ErrorNote } from './ErrorNote.tsx';

/**
 * A settings save and what became of it: `save(call, what)` runs the call, hands its result to `show`, and
 * says "Saved: what." or the error; it resolves to whether it worked (a form then clears its fields).
 */
export function useSaveOutcome<T>(show: (value: T) => void) {
  const [error, setErrorText] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [at, setAt] = useState('top');
  /** `where`: which form's SaveOutcome says it, so the word sits beside the field it is about. */
  const save = async (call: () => Promise<T>, what: string, where = 'top'): Promise<boolean> => {
    setErrorText(undefined);
    setSaved(undefined);
    setAt(where);
    try {
      show(await call());
      setSaved(what);
      return true;
    } catch (e) {
      setErrorText(errorText(e));
      return false;
    }
  };
  const setError = useCallback((message: string | undefined, where = 'top') => {
    setAt(where);
    setErrorText(message);
  }, []);
  return { error, setError, saved, save, at };
}

export type SaveOutcomeState = ReturnType<typeof useSaveOutcome>;

/** What became of the last save, shown only by the form it was made from (`at`). */
export function SaveOutcome({
  outcome,
  at = 'top',
}: {
  outcome: Omit<SaveOutcomeState, 'save'>;
  at?: string;
}) {
  if (outcome.at !== at) return null;
  return (
    <>
      {outcome.error && <ErrorNote message={outcome.error} />}
      {outcome.saved && (
        <div className="note" role="status">
          Saved: {outcome.saved}.
        </div>
      )}
    </>
  );
}

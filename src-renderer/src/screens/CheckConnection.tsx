import { useState } from 'react';
import type { DoctorStep } from '../../../src-shared/doctor-view.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { errorText, useClient } from '../use-contract.ts';

const MARKS: Record<DoctorStep['outcome'], string> = { pass: 'ok', fail: 'failed', skip: 'skipped' };

/** Walks the public URL as the cloud connector will (`mcp-tray doctor`), with the key it would use. */
export function CheckConnection({ keyId }: { keyId: string }) {
  const client = useClient();
  const [steps, setSteps] = useState<DoctorStep[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setSteps((await client.invoke('connectors.check', { keyId })).steps);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const failed = steps?.find((step) => step.outcome === 'fail');
  return (
    <div data-testid="check-connection">
      <button type="button" className="button" disabled={busy} onClick={() => void check()}>
        {busy ? 'Checking…' : 'Check connection'}
      </button>
      {error && <ErrorNote message={error} />}
      {steps && (
        <ul>
          {steps.map((step) => (
            <li
              key={step.name}
              className={
                step.outcome === 'fail' ? 'check-failed' : step.outcome === 'pass' ? 'check-ok' : 'muted'
              }
            >
              {step.name}: {MARKS[step.outcome]}. {step.detail}
            </li>
          ))}
        </ul>
      )}
      {failed?.fix && <p className="check-failed">Fix: {failed.fix}</p>}
    </div>
  );
}

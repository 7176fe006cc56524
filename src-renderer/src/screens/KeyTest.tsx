import { useEffect, useState } from 'react';
import type { ConnectionTest, KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { Modal } from '../parts/Modal.tsx';
import { errorText, useClient } from '../use-contract.ts';

/** "Test": a real MCP connect and tools/list with the key, then what was found or what to do. */
export function KeyTest({ keyRow, onClose }: { keyRow: KeyRow; onClose: () => void }) {
  const client = useClient();
  const [result, setResult] = useState<ConnectionTest>();
  useEffect(() => {
    client
      .invoke('keys.test', { id: keyRow.id })
      .then(setResult, (e: unknown) => setResult({ ok: false, error: { message: errorText(e), fix: '' } }));
  }, [client, keyRow.id]);
  return (
    <Modal title={`Test “${keyRow.name}”`} onClose={onClose}>
      {result === undefined && <p role="status">Connecting as a client would…</p>}
      {result?.ok && (
        <p role="status">
          Connected. Tools this key may use: {result.tools?.length ? result.tools.join(', ') : 'none'}.
        </p>
      )}
      {result?.error && <ErrorNote message={`${result.error.message} ${result.error.fix}`} />}
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

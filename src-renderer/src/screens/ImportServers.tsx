import { useState } from 'react';
import type { ImportPreview, InvokeInput } from '../../../src-shared/dashboard-contract.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { Modal } from '../parts/Modal.tsx';
import { errorText, useClient } from '../use-contract.ts';

const CLIENTS: { id: InvokeInput<'servers.import'>['from']; label: string }[] = [
  { id: 'claude-desktop', label: 'Claude Desktop' },
  { id: 'claude-code', label: 'Claude Code' },
  { id: 'cursor', label: 'Cursor' },
  { id: 'vscode', label: 'VS Code' },
  { id: 'codex', label: 'Codex and ChatGPT desktop' },
];

/** Import the servers a client already has: shows what would be added first; the client's file is only read. */
export function ImportServers({
  onDone,
  onCancel,
}: {
  onDone: (added: string[]) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  const [from, setFrom] = useState<(typeof CLIENTS)[number]['id']>('claude-desktop');
  const [file, setFile] = useState('');
  const [preview, setPreview] = useState<ImportPreview>();
  const [error, setError] = useState<string>();
  const input = () => ({ from, ...(file.trim() !== '' && { file: file.trim() }) });
  const look = async () => {
    setPreview(undefined);
    try {
      setPreview(await client.invoke('servers.importPreview', input()));
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const run = async () => {
    try {
      onDone((await client.invoke('servers.import', input())).added);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal title="Import servers from a client" onClose={onCancel}>
      <div className="form">
        <label>
          Client
          <select value={from} onChange={(e) => setFrom(e.target.value as typeof from)}>
            {CLIENTS.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Its config file (optional)
          <input
            value={file}
            onChange={(e) => setFile(e.target.value)}
            placeholder="Where it keeps it on this computer"
          />
        </label>
        <div className="actions-inline">
          <button type="button" className="button" onClick={() => void look()}>
            Show what it would add
          </button>
        </div>
        {error && <ErrorNote message={error} />}
        {preview && (
          <div role="status">
            <p className="muted wrap-anywhere">From {preview.path} (it is only read):</p>
            <ul>
              {preview.adding.map((a) => (
                <li key={a.name}>
                  Add <strong>{a.name}</strong>
                  {a.original !== a.name && ` (was “${a.original}”)`}:{' '}
                  <code className="wrap-anywhere">{a.what}</code>
                  {a.secrets.length > 0 && ` — to the keychain: ${a.secrets.join(', ')}`}
                </li>
              ))}
              {preview.skipped.map((why) => (
                <li key={why} className="muted">
                  Skip {why}
                </li>
              ))}
              {preview.adding.length === 0 && <li>Nothing to add.</li>}
            </ul>
          </div>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={preview === undefined || preview.adding.length === 0}
            onClick={() => void run()}
          >
            Import {preview?.adding.length ?? ''} server{preview?.adding.length === 1 ? '' : 's'}
          </button>
        </div>
      </div>
    </Modal>
  );
}

import { useState } from 'react';
import { errorText, useClient } from '../use-contract.ts';

/** A folder's path (typed, or from the desktop app's picker) and an optional name, then Add. */
export function AddFolder({
  door,
  add,
}: {
  door: 'desktop' | 'web';
  add: (path: string, name: string) => Promise<boolean>;
}) {
  const client = useClient();
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const choose = async () => {
    try {
      const picked = await client.invoke('folders.pick', {});
      if (picked.path !== null) setPath(picked.path);
    } catch (e) {
      setProblem(errorText(e));
    }
  };
  return (
    <form
      className="setting add-folder"
      aria-label="Add a folder"
      onSubmit={(e) => {
        e.preventDefault();
        void add(path.trim(), name.trim()).then((ok) => {
          if (!ok) return;
          setPath('');
          setName('');
        });
      }}
    >
      <label>
        Folder{' '}
        <input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/Users/you/Documents/Notes"
          required
        />
      </label>
      {door === 'desktop' && (
        <button type="button" className="button" onClick={() => void choose()}>
          Choose…
        </button>
      )}
      <label>
        Name (optional) <input value={name} onChange={(e) => setName(e.target.value)} placeholder="notes" />
      </label>
      <button type="submit" className="button primary">
        Add folder
      </button>
      {problem && <span className="check-failed">{problem}</span>}
    </form>
  );
}

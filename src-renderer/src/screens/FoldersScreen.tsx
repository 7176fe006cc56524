import { useCallback, useEffect, useState } from 'react';
import type { FoldersView } from '../../../src-shared/folder-view.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { AddFolder } from './AddFolder.tsx';
import { FolderRows } from './FolderRows.tsx';

/**
 * The folders the built-in search and fetch tools reach (ChatGPT's deep research calls them): add one (the
 * desktop app's picker, or its path), see what is indexed and how far a first indexing is, reindex, remove.
 */
export function FoldersScreen({ door }: { door: 'desktop' | 'web' }) {
  const client = useClient();
  const [view, setView] = useState<FoldersView>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    client.invoke('folders.list', {}).then(setView, (e: unknown) => setError(errorText(e)));
  }, [client]);
  useEffect(() => {
    load();
    return client.on('folders.changed', setView);
  }, [client, load]);
  const act = async (run: () => Promise<FoldersView>) => {
    try {
      setView(await run());
      setError(undefined);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };
  const megabytes = Math.round(((view?.maxFileBytes ?? 0) / (1024 * 1024)) * 10) / 10;

  return (
    <section aria-labelledby="folders-title">
      <h1 id="folders-title">Folders</h1>
      <p className="muted">
        Folders of notes, papers or code that AI clients may search and read with the <code>search</code> and{' '}
        <code>fetch</code> tools, and nothing outside them. Keys decide who may: a key with a{' '}
        <code>folders:</code> grant reaches only the folders it names.
      </p>
      {error && <ErrorNote message={error} action={{ label: 'Try again', run: load }} />}
      {view?.problem && <div className="note note-error">{view.problem}</div>}
      <AddFolder
        door={door}
        add={(path, name) => act(() => client.invoke('folders.add', { path, ...(name && { name }) }))}
      />
      {view && view.folders.length === 0 && (
        <div className="empty">No folders yet: search and fetch appear for clients once you add one.</div>
      )}
      {view && view.folders.length > 0 && (
        <FolderRows
          folders={view.folders}
          reindex={(name) => void act(() => client.invoke('folders.reindex', { name }))}
          remove={(name) => void act(() => client.invoke('folders.remove', { name }))}
        />
      )}
      {view && (
        <form
          className="setting"
          aria-label="Largest file"
          onSubmit={(e) => {
            e.preventDefault();
            const value = Number(new FormData(e.currentTarget).get('max'));
            void act(() => client.invoke('folders.settings', { maxFileMegabytes: value }));
          }}
        >
          <label>
            Largest file read (MB){' '}
            <input
              name="max"
              type="number"
              min="0.1"
              max="1024"
              step="0.1"
              defaultValue={megabytes}
              key={megabytes}
            />
          </label>{' '}
          <button type="submit" className="button">
            Save
          </button>
          <p className="muted">
            Bigger files are left out. Also left out: binaries, what .gitignore and .mcpignore files exclude,
            version control and dependency folders, and secret files (.env, keys, .ssh).
          </p>
        </form>
      )}
    </section>
  );
}

import type { FolderView } from '../../../src-shared/folder-view.ts';
import { TableHead } from '../parts/TableHead.tsx';
import { timeAgo } from '../view/time-format.ts';

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const STATES: Record<FolderView['state'], string> = {
  indexing: 'indexing',
  ready: 'ready',
  missing: 'folder not found',
  error: 'could not be read',
};

/** Each folder: what is indexed, how far an indexing is, what could not be read; Reindex and Remove. */
export function FolderRows(props: {
  folders: FolderView[];
  reindex: (name: string) => void;
  remove: (name: string) => void;
}) {
  return (
    <table className="table cards">
      <TableHead columns={['Name', 'Folder', 'Files', 'Size', 'Last indexed', 'State']} />
      <tbody>
        {props.folders.map((folder) => (
          <tr key={folder.name}>
            <td data-label="Name">{folder.name}</td>
            <td data-label="Folder">
              <code>{folder.path}</code>
            </td>
            <td data-label="Files">{folder.files}</td>
            <td data-label="Size">{size(folder.bytes)}</td>
            <td data-label="Last indexed">{timeAgo(folder.lastIndexed)}</td>
            <td data-label="State">
              {folder.progress ? (
                <span role="status">
                  indexing {folder.progress.done} of {folder.progress.total}{' '}
                  <progress value={folder.progress.done} max={Math.max(1, folder.progress.total)} />
                </span>
              ) : (
                STATES[folder.state]
              )}
              {folder.skippedLarge > 0 && (
                <div className="muted">{folder.skippedLarge} files too big, left out</div>
              )}
              {folder.errors.map((problem) => (
                <div key={problem} className="muted">
                  could not read {problem}
                </div>
              ))}
            </td>
            <td className="row-actions">
              <button type="button" className="button" onClick={() => props.reindex(folder.name)}>
                Reindex {folder.name}
              </button>{' '}
              <button type="button" className="button danger" onClick={() => props.remove(folder.name)}>
                Remove {folder.name}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

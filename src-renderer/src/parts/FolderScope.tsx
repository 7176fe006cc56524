/**
 * Which of the shared folders a key's search and fetch reach: all of them (no `folders:` grant), or only
 * those ticked. Shown once there is a folder.
 */
export function FolderScope({
  folders,
  chosen,
  onChange,
}: {
  folders: readonly string[];
  /** The folders ticked; null for all of them. */
  chosen: readonly string[] | null;
  onChange: (chosen: string[] | null) => void;
}) {
  if (folders.length === 0) return null;
  return (
    <fieldset>
      <legend>Folders its search and fetch reach</legend>
      <label className="choice">
        <input type="radio" name="folder-scope" checked={chosen === null} onChange={() => onChange(null)} />
        <span>All folders</span>
      </label>
      <label className="choice">
        <input type="radio" name="folder-scope" checked={chosen !== null} onChange={() => onChange([])} />
        <span>Only these</span>
      </label>
      {chosen !== null && (
        <div className="tool-list">
          {folders.map((name) => (
            <label key={name} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(name)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, name] : chosen.filter((n) => n !== name))
                }
              />
              <span>{name}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

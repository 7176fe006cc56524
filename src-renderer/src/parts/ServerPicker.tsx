/** Ticks the user's servers a key is for, by the prefix of their names; one without a prefix cannot be. */
export function ServerPicker({
  servers,
  chosen,
  onChange,
}: {
  servers: readonly { name: string; prefix: string | null }[];
  /** The prefixes ticked. */
  chosen: readonly string[];
  onChange: (prefixes: string[]) => void;
}) {
  return (
    <div className="tool-list">
      {servers.length === 0 && <p className="muted">No servers yet: add them in Servers.</p>}
      {servers.map(({ name, prefix }) => (
        <label key={name} className="choice">
          <input
            type="checkbox"
            disabled={prefix === null}
            checked={prefix !== null && chosen.includes(prefix)}
            onChange={(e) => {
              if (prefix === null) return;
              onChange(e.target.checked ? [...chosen, prefix] : chosen.filter((p) => p !== prefix));
            }}
          />
          <span>
            {name}{' '}
            <span className="muted">
              {prefix === null
                ? 'its tools keep their own names, so a key cannot be limited to it'
                : `${prefix}__*`}
            </span>
          </span>
        </label>
      ))}
    </div>
  );
}

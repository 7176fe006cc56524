/** The Custom preset's list: one permission per line, with the grammar beside it. */
export function CustomPermissions({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  return (
    <label>
      Permissions, one per line
      <textarea
        value={value}
        rows={4}
        maxLength={4000}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        placeholder={'tools:list\ntools:call:fs_*'}
      />
      <span className="muted">
        <code>*</code>, <code>status:read</code>, <code>tools:list</code>, <code>tools:call</code>,{' '}
        <code>tools:call:NAME</code> (a trailing <code>*</code> matches a prefix), <code>resources:list</code>
        , <code>resources:read</code>, <code>prompts:list</code>, <code>prompts:get</code>,{' '}
        <code>prompts:get:NAME</code>, or <code>folders:NAME</code> (search and fetch in that folder only).
      </span>
    </label>
  );
}

import { useEffect, useState } from 'react';
import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { Modal } from '../parts/Modal.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { presetOf, presetPermissions, PRESETS, type PresetId } from '../view/permission-presets.ts';

const EXPIRY_CHOICES = [
  { label: 'Never', seconds: null },
  { label: '7 days', seconds: 7 * 86_400 },
  { label: '30 days', seconds: 30 * 86_400 },
  { label: '90 days', seconds: 90 * 86_400 },
] as const;

interface Props {
  /** Absent: create a new key. */
  editing?: KeyRow;
  onDone: (created?: { key: KeyRow; secret: string }) => void;
  onCancel: () => void;
}

/** Create or edit a key: name, what it may do, when it expires, how fast it may go. */
export function KeyDialog({ editing, onDone, onCancel }: Props) {
  const client = useClient();
  const start = presetOf(editing?.permissions ?? ['*']);
  const [name, setName] = useState(editing?.name ?? '');
  const [preset, setPreset] = useState<PresetId>(start.preset);
  const [chosen, setChosen] = useState<string[]>(start.tools);
  const [tools, setTools] = useState<{ name: string; title: string }[]>([]);
  const [expiry, setExpiry] = useState(0);
  const [rate, setRate] = useState(editing?.rateLimit ? String(editing.rateLimit.limit) : '');
  const [error, setError] = useState<string>();
  useEffect(() => {
    client.invoke('tools.list', {}).then(
      (r) => setTools(r.tools),
      () => {},
    );
  }, [client]);

  const submit = async () => {
    const permissions = presetPermissions(preset, chosen);
    if (name.trim() === '') return setError('Give the key a name, such as the client it is for.');
    if (preset === 'tools' && chosen.length === 0)
      return setError('Tick at least one tool, or choose another preset.');
    const limit = rate.trim() === '' ? null : Number(rate);
    if (limit !== null && (!Number.isInteger(limit) || limit <= 0))
      return setError('The rate limit is a whole number of requests per minute.');
    const rateLimit = limit === null ? null : { limit, windowSeconds: 60 };
    const seconds = EXPIRY_CHOICES[expiry]?.seconds ?? null;
    try {
      if (editing) {
        await client.invoke('keys.update', {
          id: editing.id,
          name,
          permissions,
          rateLimit,
          ...(expiry > 0 && { expiresInSeconds: seconds }),
        });
        onDone();
      } else {
        onDone(
          await client.invoke('keys.create', { name, permissions, expiresInSeconds: seconds, rateLimit }),
        );
      }
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Modal title={editing ? `Edit “${editing.name}”` : 'Create a key'} onClose={onCancel}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Cursor on my laptop"
            autoFocus
          />
        </label>
        <fieldset>
          <legend>What it may do</legend>
          {PRESETS.map((p) => (
            <label key={p.id} className="choice">
              <input type="radio" name="preset" checked={preset === p.id} onChange={() => setPreset(p.id)} />
              <span>
                {p.label} <span className="muted">{p.help}</span>
              </span>
            </label>
          ))}
          {preset === 'tools' && (
            <div className="tool-list">
              {tools.map((tool) => (
                <label key={tool.name} className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(tool.name)}
                    onChange={(e) =>
                      setChosen(
                        e.target.checked ? [...chosen, tool.name] : chosen.filter((t) => t !== tool.name),
                      )
                    }
                  />
                  <span>
                    <code>{tool.name}</code> <span className="muted">{tool.title}</span>
                  </span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <label>
          Expires
          <select value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
            {EXPIRY_CHOICES.map((choice, index) => (
              <option key={choice.label} value={index}>
                {editing && index === 0 ? 'Keep as it is' : choice.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rate limit (requests per minute; empty: the default, 600)
          <input
            value={rate}
            inputMode="numeric"
            onChange={(e) => setRate(e.target.value)}
            placeholder="600"
          />
        </label>
        {error && <ErrorNote message={error} />}
        <div className="actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            {editing ? 'Save' : 'Create key'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

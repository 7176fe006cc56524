import { useEffect, useState } from 'react';
import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { KEY_NAME_MAX, RATE_LIMIT_MAX, RATE_WINDOWS } from '../../../src-shared/key-limits.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { ServerPicker } from '../parts/ServerPicker.tsx';
import { CustomPermissions } from '../parts/CustomPermissions.tsx';
import { FolderScope } from '../parts/FolderScope.tsx';
import { Modal } from '../parts/Modal.tsx';
import { errorText, useClient } from '../use-contract.ts';
import {
  customProblem,
  presetOf,
  presetPermissions,
  withFolders,
  PRESETS,
  sameGrants,
  type PresetId,
} from '../view/permission-presets.ts';
import { expiryChoices, keyChanges, type KeyForm } from '../view/key-form.ts';

interface Props {
  /** Absent: create a new key. */
  editing?: KeyRow;
  onDone: (created?: { key: KeyRow; secret: string }) => void;
  onCancel: () => void;
}

type Field = 'name' | 'permissions' | 'rate' | 'form';

/** Create or edit a key: name, what it may do, when it expires, how fast it may go. */
export function KeyDialog({ editing, onDone, onCancel }: Props) {
  const client = useClient();
  const start = presetOf(editing?.permissions ?? ['*']);
  const [name, setName] = useState(editing?.name ?? '');
  const [preset, setPreset] = useState<PresetId>(start.preset);
  const [chosen, setChosen] = useState<string[]>(start.preset === 'tools' ? start.tools : []);
  // For "These servers only": the prefixes of the servers ticked.
  const [chosenServers, setChosenServers] = useState<string[]>(start.preset === 'servers' ? start.tools : []);
  const [servers, setServers] = useState<{ name: string; prefix: string | null }[]>([]);
  const [folderNames, setFolderNames] = useState<string[]>([]);
  const [chosenFolders, setChosenFolders] = useState<string[] | null>(start.folders);
  // Custom starts from the key's own grants, whatever preset it shows as, so switching to it edits them.
  const [custom, setCustom] = useState((editing?.permissions ?? []).join('\n'));
  const [tools, setTools] = useState<{ name: string; title: string }[]>([]);
  const choices = expiryChoices(editing?.expiresAt ?? null, editing !== undefined);
  const [expiry, setExpiry] = useState(0);
  const [rate, setRate] = useState(editing?.rateLimit ? String(editing.rateLimit.limit) : '');
  const [windowSeconds, setWindowSeconds] = useState(editing?.rateLimit?.windowSeconds ?? 60);
  const [error, setError] = useState<{ field: Field; message: string }>();
  useEffect(() => {
    client.invoke('tools.list', {}).then(
      (r) => setTools(r.tools),
      () => {},
    );
    client.invoke('servers.list', {}).then(
      (r) => setServers(r.servers),
      () => {},
    );
    client.invoke('folders.list', {}).then(
      (r) => setFolderNames(r.folders.map((folder) => folder.name)),
      () => {},
    );
  }, [client]);
  const granted = () =>
    withFolders(presetPermissions(preset, picked, custom), preset === 'custom' ? undefined : chosenFolders);
  const picked = preset === 'servers' ? chosenServers : chosen;
  // Tools a key may call that the server does not offer now still show, ticked, so saving keeps them.
  const toolChoices = [
    ...tools,
    ...chosen.filter((t) => !tools.some((tool) => tool.name === t)).map((t) => ({ name: t, title: '' })),
  ];
  const windows = RATE_WINDOWS.some((w) => w.seconds === windowSeconds)
    ? RATE_WINDOWS
    : [...RATE_WINDOWS, { seconds: windowSeconds, label: `per ${windowSeconds} seconds`, short: '' }];

  const submit = async () => {
    if (name.trim() === '')
      return setError({ field: 'name', message: 'Give the key a name, such as the client it is for.' });
    if (preset === 'tools' && chosen.length === 0)
      return setError({ field: 'permissions', message: 'Tick at least one tool, or choose another preset.' });
    if (preset === 'servers' && chosenServers.length === 0)
      return setError({
        field: 'permissions',
        message: 'Tick at least one server, or choose another preset.',
      });
    const badCustom = preset === 'custom' ? customProblem(custom) : undefined;
    if (badCustom !== undefined) return setError({ field: 'permissions', message: badCustom });
    if (preset !== 'custom' && chosenFolders?.length === 0)
      return setError({ field: 'permissions', message: 'Tick at least one folder, or choose All folders.' });
    const limit = rate.trim() === '' ? null : Number(rate);
    if (limit !== null && (!Number.isInteger(limit) || limit <= 0 || limit > RATE_LIMIT_MAX))
      return setError({
        field: 'rate',
        message: `The rate limit is a whole number from 1 to ${RATE_LIMIT_MAX.toLocaleString('en')}, or empty for the default.`,
      });
    const form: KeyForm = {
      name: name.trim(),
      permissions: granted(),
      rateLimit: limit === null ? null : { limit, windowSeconds },
      expiresInSeconds: choices[expiry]?.seconds,
    };
    try {
      if (editing) {
        const changes = keyChanges(editing, form);
        if (Object.keys(changes).length > 0)
          await client.invoke('keys.update', { id: editing.id, ...changes });
        onDone();
      } else {
        onDone(
          await client.invoke('keys.create', {
            name: form.name,
            permissions: form.permissions,
            expiresInSeconds: form.expiresInSeconds ?? null,
            rateLimit: form.rateLimit,
          }),
        );
      }
    } catch (e) {
      setError({ field: 'form', message: errorText(e) });
    }
  };
  const note = (field: Field) => error?.field === field && <ErrorNote message={error.message} />;
  const unchangedGrants = editing !== undefined && sameGrants(granted(), editing.permissions);

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
            maxLength={KEY_NAME_MAX}
            onChange={(e) => setName(e.target.value)}
            placeholder="Cursor on my laptop"
            autoFocus
          />
        </label>
        {note('name')}
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
              {toolChoices.map((tool) => (
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
          {preset === 'servers' && (
            <ServerPicker servers={servers} chosen={chosenServers} onChange={setChosenServers} />
          )}
          {preset === 'custom' && <CustomPermissions value={custom} onChange={setCustom} />}
          {editing && !unchangedGrants && (
            <p className="muted" data-testid="grants-change">
              Saving changes what this key may do.
            </p>
          )}
        </fieldset>
        {preset !== 'custom' && (
          <FolderScope folders={folderNames} chosen={chosenFolders} onChange={setChosenFolders} />
        )}
        {note('permissions')}
        <label>
          Expires
          <select value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
            {choices.map((choice, index) => (
              <option key={choice.label} value={index}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <div className="rate-field">
          <label>
            Rate limit (empty: the default, 600 per minute)
            <input
              value={rate}
              type="number"
              min={1}
              max={RATE_LIMIT_MAX}
              step={1}
              inputMode="numeric"
              onChange={(e) => setRate(e.target.value)}
              placeholder="600"
            />
          </label>
          <label>
            Requests
            <select value={windowSeconds} onChange={(e) => setWindowSeconds(Number(e.target.value))}>
              {windows.map((w) => (
                <option key={w.seconds} value={w.seconds}>
                  {w.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {note('rate')}
        {note('form')}
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

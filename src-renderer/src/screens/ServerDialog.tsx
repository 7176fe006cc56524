import { useState } from 'react';
import type { AddedServerStart } from '../../../src-shared/dashboard-contract.ts';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { Modal } from '../parts/Modal.tsx';
import { errorText, useClient } from '../use-contract.ts';
import {
  EMPTY_SERVER_FORM,
  serverInput,
  ServerFormProblem,
  type ServerField,
  type ServerForm,
} from '../view/server-form.ts';

interface Props {
  onDone: (added: { movedToSecrets: string[]; start: AddedServerStart }) => void;
  onCancel: () => void;
}

/** Adds one of the user's MCP servers: one MCP Tray starts (stdio) or one it reaches (a URL). */
export function ServerDialog({ onDone, onCancel }: Props) {
  const client = useClient();
  const [form, setForm] = useState<ServerForm>(EMPTY_SERVER_FORM);
  const [error, setError] = useState<{ field: ServerField | 'form'; message: string }>();
  const [starting, setStarting] = useState(false);
  const set = (change: Partial<ServerForm>) => {
    setForm({ ...form, ...change });
    setError(undefined);
  };
  const problem = (field: ServerField) => error?.field === field && <ErrorNote message={error.message} />;
  const text = (field: ServerField & keyof ServerForm, label: string, hint?: string, rows?: number) => {
    const hintId = `server-${field}-hint`;
    const props = {
      value: form[field] as string,
      spellCheck: false,
      ...(hint !== undefined && { 'aria-describedby': hintId }),
    };
    return (
      <div className="form-field">
        <label>
          {label}
          {rows === undefined ? (
            <input {...props} onChange={(e) => set({ [field]: e.target.value })} />
          ) : (
            <textarea {...props} rows={rows} onChange={(e) => set({ [field]: e.target.value })} />
          )}
        </label>
        {hint && (
          <span id={hintId} className="muted">
            {hint}
          </span>
        )}
        {problem(field)}
      </div>
    );
  };

  const submit = async () => {
    let input;
    try {
      input = serverInput(form);
    } catch (e) {
      if (e instanceof ServerFormProblem) return setError({ field: e.field, message: e.message });
      throw e;
    }
    // Adding starts the server once, to see that it works and what it offers: that can take a while.
    setStarting(true);
    try {
      onDone(await client.invoke('servers.add', input));
    } catch (e) {
      const field = (e as { field?: string }).field;
      setError({
        field: field === 'name' || field === 'url' || field === 'command' ? field : 'form',
        message: errorText(e),
      });
    } finally {
      setStarting(false);
    }
  };

  return (
    <Modal title="Add a server" onClose={onCancel}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {text('name', 'Name', 'Its tools are offered as name__tool.')}
        <fieldset>
          <legend>The server</legend>
          <label className="choice">
            <input
              type="radio"
              name="kind"
              checked={form.kind === 'stdio'}
              onChange={() => set({ kind: 'stdio' })}
            />{' '}
            MCP Tray starts it (a command)
          </label>
          <label className="choice">
            <input
              type="radio"
              name="kind"
              checked={form.kind === 'remote'}
              onChange={() => set({ kind: 'remote' })}
            />{' '}
            It runs elsewhere (a URL)
          </label>
        </fieldset>
        {form.kind === 'stdio' ? (
          <>
            {text('command', 'Command', 'Such as npx, uvx, docker, or the full path of a program.')}
            <label>
              Arguments, one per line
              <textarea
                value={form.args}
                rows={3}
                spellCheck={false}
                onChange={(e) => set({ args: e.target.value })}
              />
            </label>
            <label>
              Folder to start in (optional)
              <input value={form.cwd} onChange={(e) => set({ cwd: e.target.value })} spellCheck={false} />
            </label>
            {text('env', 'Environment, NAME=value per line', undefined, 2)}
            {text(
              'secretEnv',
              'Secret environment, NAME=value per line',
              'Kept in the keychain, never in servers.json.',
              2,
            )}
          </>
        ) : (
          <>
            {text('url', 'URL', 'Its Streamable HTTP endpoint, like https://mcp.example.com/mcp.')}
            {text('headers', 'Headers, Name: value per line', undefined, 2)}
            {text(
              'secretHeaders',
              'Secret headers, Name: value per line',
              'Kept in the keychain, such as Authorization: Bearer ….',
              2,
            )}
          </>
        )}
        <label>
          <input
            type="checkbox"
            checked={form.ownNames}
            onChange={(e) => set({ ownNames: e.target.checked })}
          />{' '}
          Keep its tools’ own names (no prefix)
        </label>
        {!form.ownNames && text('prefix', 'Tool prefix (optional)', 'Empty: the server’s name.')}
        {error?.field === 'form' && <ErrorNote message={error.message} />}
        <div className="actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={starting}>
            {starting ? 'Starting it to check…' : 'Add server'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { ServersView } from '../../../src-shared/dashboard-contract.ts';
import type { UpstreamView } from '../../../src-shared/gateway-view.ts';
import { ActionMenu } from '../parts/ActionMenu.tsx';
import { ErrorNote } from '../parts/ErrorNote.tsx';
import { TableHead } from '../parts/TableHead.tsx';
import { Modal } from '../parts/Modal.tsx';
import { errorText, useClient } from '../use-contract.ts';
import { HeldBackTools } from './HeldBackTools.tsx';
import { ImportServers } from './ImportServers.tsx';
import { ServerDialog } from './ServerDialog.tsx';

type Pending =
  | { kind: 'add' }
  | { kind: 'import' }
  | { kind: 'remove'; server: UpstreamView }
  | { kind: 'logs'; server: UpstreamView; lines: string[]; path: string };

const STATE_WORDS: Record<UpstreamView['state'], string> = {
  starting: 'starting',
  running: 'running',
  stopped: 'stopped',
  crashed: 'restarting',
  failed: 'failed',
  disabled: 'off',
};

/** The user's MCP servers behind MCP Tray: their state, what they offer, and what waits for approval. */
export function ServersScreen() {
  const client = useClient();
  const [view, setView] = useState<ServersView>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [pending, setPending] = useState<Pending>();
  const load = useCallback(() => {
    client.invoke('servers.list', {}).then(
      (next) => {
        setView(next);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [client]);
  useEffect(() => {
    load();
    return client.on('servers.changed', (next) => setView((old) => ({ ...old, ...next })));
  }, [client, load]);
  const act = async (run: () => Promise<ServersView>) => {
    try {
      setView(await run());
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const servers = view?.servers ?? [];

  return (
    <section aria-labelledby="servers-title">
      <div className="section-head">
        <h1 id="servers-title">Servers</h1>
        <div className="actions-inline">
          <button type="button" className="button" onClick={() => setPending({ kind: 'import' })}>
            Import from a client
          </button>
          <button type="button" className="button primary" onClick={() => setPending({ kind: 'add' })}>
            Add server
          </button>
        </div>
      </div>
      <p className="muted">
        Your own MCP servers, behind MCP Tray’s keys: every client reaches them through MCP Tray, each with
        only what its key allows. Their tools are offered as <code>name__tool</code>.
      </p>
      {error && <ErrorNote message={error} action={{ label: 'Try again', run: load }} />}
      {view?.problem && <div className="note note-error">{view.problem}</div>}
      {notice && (
        <div className="note" role="status">
          {notice}
        </div>
      )}
      {view !== undefined && servers.length === 0 && (
        <div className="empty">
          <p>No servers yet. Add one you use (filesystem, git, a database), or import those of a client.</p>
        </div>
      )}
      {servers.length > 0 && (
        <table className="table cards">
          <TableHead columns={['Name', 'State', 'Offers', 'Restarts', 'Last error']} />
          <tbody>
            {servers.map((server) => (
              <tr key={server.name} className={server.enabled ? '' : 'inactive'}>
                <td data-label="Name">
                  {server.name} <span className="muted">{server.kind === 'stdio' ? 'command' : 'URL'}</span>
                </td>
                <td data-label="State">
                  <span className={`badge badge-server-${server.state}`}>{STATE_WORDS[server.state]}</span>
                  {server.pid !== null && <span className="muted"> pid {server.pid}</span>}
                </td>
                <td data-label="Offers">
                  {server.tools} tools, {server.resources} resources, {server.prompts} prompts
                </td>
                <td data-label="Restarts">{server.restarts}</td>
                <td data-label="Last error" className="wrap-anywhere">
                  {server.lastError ?? '—'}
                </td>
                <td className="row-actions">
                  <div className="row-actions-inner">
                    <button
                      type="button"
                      className="button"
                      aria-label={`${server.enabled ? 'Turn off' : 'Turn on'} ${server.name}`}
                      onClick={() =>
                        void act(() =>
                          client.invoke('servers.setEnabled', {
                            name: server.name,
                            enabled: !server.enabled,
                          }),
                        )
                      }
                    >
                      {server.enabled ? 'Turn off' : 'Turn on'}
                    </button>
                    <ActionMenu
                      label="More"
                      ariaLabel={`More for ${server.name}`}
                      actions={[
                        {
                          label: 'Logs',
                          ariaLabel: `Logs of ${server.name}`,
                          run: () =>
                            void client.invoke('servers.logs', { name: server.name }).then(
                              ({ lines, path }) => setPending({ kind: 'logs', server, lines, path }),
                              (e: unknown) => setError(errorText(e)),
                            ),
                        },
                        {
                          label: 'Remove',
                          ariaLabel: `Remove ${server.name}`,
                          danger: true,
                          apart: true,
                          run: () => setPending({ kind: 'remove', server }),
                        },
                      ]}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {servers
        .filter((server) => server.heldBack.length > 0)
        .map((server) => (
          <HeldBackTools
            key={server.name}
            server={server}
            onApprove={() => void act(() => client.invoke('servers.approve', { name: server.name }))}
          />
        ))}
      {pending?.kind === 'add' && (
        <ServerDialog
          onCancel={() => setPending(undefined)}
          onDone={({ movedToSecrets: moved, start }) => {
            setPending(undefined);
            const started = start.started
              ? `It started and offers ${start.tools} ${start.tools === 1 ? 'tool' : 'tools'}, approved as they are now.`
              : `It did not start just now: ${start.reason}. Its log says more once MCP Tray starts it.`;
            const secret =
              moved.length === 0
                ? ''
                : ` ${moved.join(', ')} looked secret: kept in the keychain, not in servers.json.`;
            setNotice(`Added. ${started}${secret}`);
            load();
          }}
        />
      )}
      {pending?.kind === 'import' && (
        <ImportServers
          onCancel={() => setPending(undefined)}
          onDone={(added) => {
            setPending(undefined);
            setNotice(added.length === 0 ? 'Nothing was added.' : `Added ${added.join(', ')}.`);
            load();
          }}
        />
      )}
      {pending?.kind === 'remove' && (
        <Modal title={`Remove “${pending.server.name}”?`} onClose={() => setPending(undefined)}>
          <p>MCP Tray stops it and forgets it, with its secret values. Its own files are not touched.</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => setPending(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              className="button danger"
              onClick={() => {
                const name = pending.server.name;
                setPending(undefined);
                void act(() => client.invoke('servers.remove', { name }));
              }}
            >
              Remove
            </button>
          </div>
        </Modal>
      )}
      {pending?.kind === 'logs' && (
        <Modal title={`Logs of “${pending.server.name}”`} onClose={() => setPending(undefined)}>
          <p className="muted wrap-anywhere">{pending.path}</p>
          <pre className="config">
            {pending.lines.length === 0 ? 'Nothing written yet.' : pending.lines.join('\n')}
          </pre>
          <div className="actions">
            <button type="button" className="button" onClick={() => setPending(undefined)}>
              Close
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}

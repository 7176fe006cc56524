import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { initialAppState } from '../../../src-main/app/app-state.ts';
import type { IpcAnswerer } from '../../../src-main/app/ipc-answer.ts';
import { setupFirstRun } from '../../../src-main/app/setup-first-run.ts';
import { setupQuit } from '../../../src-main/app/setup-quit.ts';
import { setupServer } from '../../../src-main/app/setup-server.ts';
import { setupTray } from '../../../src-main/app/setup-tray.ts';
import { AppError } from '../../../src-main/core/app-error.ts';
import { streamLogger } from '../../../src-main/core/logger.ts';
import { resolveServerConfig } from '../../../src-main/core/server/server-config.ts';
import type { RunningServer } from '../../../src-main/core/server/start-server.ts';
import type { TrayModel } from '../../../src-main/core/tray/tray-model.ts';

const quiet = streamLogger(() => {});

function trayWithFakes(state = initialAppState()) {
  const rendered: TrayModel[] = [];
  const notes: string[] = [];
  const tray = setupTray({
    state,
    makeTray: () => ({ render: (model) => rendered.push(model) }),
    address: () => ({ host: '127.0.0.1', port: 3210 }),
    launchAtLogin: { get: () => false, set: async () => {} },
    writeClipboard: () => {},
    notify: (title, body) => notes.push(`${title}: ${body}`),
    openDashboard: () => {},
    quit: () => {},
  });
  return { tray, rendered, notes, state };
}

describe('setupQuit', () => {
  test('Quit waits for the server to close, then quits; with no server it lets Quit go on', async () => {
    const state = initialAppState();
    let listener: ((event: { preventDefault(): void }) => void) | undefined;
    const quits: string[] = [];
    setupQuit({ state, onBeforeQuit: (l) => (listener = l), quit: () => quits.push('quit') });
    let prevented = 0;
    let closed = 0;
    state.server = { close: async () => void (closed += 1) } as unknown as RunningServer;
    listener?.({ preventDefault: () => (prevented += 1) });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual([prevented, closed, quits, state.quitting], [1, 1, ['quit'], true]);
    listener?.({ preventDefault: () => (prevented += 1) });
    assert.equal(prevented, 1, 'the second before-quit (after closing) is not held up');
  });
});

describe('setupFirstRun', () => {
  test('the dashboard opens on the first run only, and never with --hidden', async () => {
    let shown = 0;
    let marked = 0;
    const deps = (welcomed: boolean, argv: string[]) => ({
      settings: { welcomed },
      argv,
      showWindow: () => void (shown += 1),
      markWelcomed: async () => void (marked += 1),
    });
    assert.equal(await setupFirstRun(deps(false, [])), true);
    assert.equal(await setupFirstRun(deps(true, [])), false);
    assert.equal(await setupFirstRun(deps(false, ['--hidden'])), false);
    assert.deepEqual([shown, marked], [1, 1]);
  });
});

describe('setupServer and setupTray', () => {
  test('a start that fails shows in the tray and answers the dashboard with the problem, never a crash', async () => {
    const { tray, rendered, state } = trayWithFakes();
    let answerer: IpcAnswerer | undefined;
    await setupServer({
      state,
      config: resolveServerConfig({ port: '0', dataDir: mkdtempSync(join(tmpdir(), 'mcp-tray-app-')) }, {}),
      serverDeps: { logger: quiet, version: '0.0.0-test' },
      startServer: async () => {
        throw new AppError('port_in_use', 'Port 3210 on 127.0.0.1 is already in use by another program.');
      },
      tray,
      window: () => undefined,
      answerWith: (next) => (answerer = next),
      logger: quiet,
    });
    assert.equal(state.startProblem?.code, 'port_in_use');
    assert.equal(rendered.at(-1)?.icon, 'error');
    const status = (await answerer?.('server.status', {})) as { state: string; problem: { code: string } };
    assert.deepEqual([status.state, status.problem.code], ['error', 'port_in_use']);
    await assert.rejects(answerer?.('keys.list', {}) ?? Promise.resolve(), /already in use/);
  });

  test('a running server feeds the tray and answers the dashboard; busy follows requests', async () => {
    const { tray, rendered, state } = trayWithFakes();
    let answerer: IpcAnswerer | undefined;
    const config = resolveServerConfig(
      { port: '0', dataDir: mkdtempSync(join(tmpdir(), 'mcp-tray-app-')), secretStore: 'file' },
      { MCP_API_KEYS: '' },
    );
    const links: string[] = [];
    await setupServer({
      state,
      config,
      serverDeps: { logger: quiet, version: '0.0.0-test' },
      tray,
      window: () => undefined,
      answerWith: (next) => (answerer = next),
      notifyApproval: (title) => links.push(title),
      logger: quiet,
    });
    try {
      assert.ok(state.server !== undefined && state.startProblem === undefined);
      // An app asking to connect raises a notification (a click opens the dashboard to answer it).
      state.server.dashboard.events.emit('apps.requested', {
        clientName: 'ChatGPT',
        url: 'https://a.trycloudflare.com/consent/u1',
      });
      assert.deepEqual(links, ['ChatGPT wants to connect']);
      assert.equal(rendered.at(-1)?.icon, 'running');
      const status = (await answerer?.('server.status', {})) as { state: string };
      assert.equal(status.state, 'running');
      await answerer?.('keys.create', { name: 'From the app', permissions: ['*'] });
      await tray.reloadKeys();
      assert.deepEqual(
        state.trayKeys.map((key) => key.name),
        ['From the app'],
      );
      tray.presenter.requestStarted();
      assert.equal(rendered.at(-1)?.icon, 'busy');
      tray.presenter.requestFinished();
      // One of the user's servers gives up restarting: the tray says which.
      const failed = {
        name: 'github',
        kind: 'stdio' as const,
        enabled: true,
        prefix: 'github',
        state: 'failed' as const,
        pid: null,
      };
      const counts = { tools: 0, resources: 0, prompts: 0, restarts: 8, lastError: 'exited', heldBack: [] };
      state.server.dashboard.events.emit('servers.changed', { servers: [{ ...failed, ...counts }] });
      assert.equal(rendered.at(-1)?.icon, 'error');
      assert.match(rendered.at(-1)?.tooltip ?? '', /server "github" failed/);
    } finally {
      await state.server?.close();
    }
  });
});

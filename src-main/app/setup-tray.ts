import type { AccountView } from '../../src-shared/dashboard-contract.ts';
import { runTrayAction, type TrayActionDeps } from '../core/tray/tray-actions.ts';
import type { TrayAction, TrayModel } from '../core/tray/tray-model.ts';
import { TrayPresenter } from '../core/tray/tray-presenter.ts';
import type { AppState } from './app-state.ts';

/** What is wrong while the server runs: its stored keys, its user's servers; none when all is well. */
function problems(server: AppState['server'], serversProblem: string | undefined): { problem?: string } {
  const found = [
    ...(server !== undefined && !server.storedKeys.status.available
      ? ['stored keys unavailable (see the dashboard)']
      : []),
    ...(serversProblem === undefined ? [] : [serversProblem]),
  ];
  return found.length === 0 ? {} : { problem: found.join('; ') };
}

export interface TraySetupDeps {
  state: AppState;
  /** Makes the tray icon and menu (Electron's Tray in the app). */
  makeTray: (run: (action: TrayAction) => void) => { render(model: TrayModel): void };
  /** Where the server listens, or would (before it starts, from its configuration). */
  address: () => { host: string; port: number };
  launchAtLogin: { get(): boolean; set(enabled: boolean): Promise<void> };
  writeClipboard: (text: string) => void;
  notify: (title: string, body: string) => void;
  openDashboard: () => void;
  quit: () => void;
}

/** The tray: its presenter, the actions of its menu, and what it learns from the server. */
export function setupTray(deps: TraySetupDeps) {
  const { state } = deps;
  const handlers = () => {
    if (state.server === undefined)
      throw new Error(state.startProblem?.message ?? 'The server is not running.');
    return state.server.dashboard.handlers;
  };
  const actions: TrayActionDeps = {
    revealKey: async (id) => {
      const { keys } = await handlers()['keys.list']({});
      return {
        name: keys.find((key) => key.id === id)?.name ?? id,
        secret: (await handlers()['keys.reveal']({ id })).secret,
      };
    },
    mcpUrl: () => state.server?.url ?? '',
    publicMcpUrl: () => state.tunnel?.publicUrl ?? undefined,
    expose: async () => void (await handlers()['tunnel.start']({ tool: 'cloudflared' })),
    stopExposing: async () => void (await handlers()['tunnel.stop']({})),
    writeClipboard: deps.writeClipboard,
    notify: deps.notify,
    openDashboard: deps.openDashboard,
    setServing: async (running) => {
      const serving = state.server?.dashboard.serving;
      if (running) serving?.resume();
      else serving?.pause();
      presenter.refresh();
    },
    // The core opens the sign-in page in the system browser, never an embedded view.
    signIn: async (provider) => void (await handlers()['account.signIn']({ provider })),
    signOut: async () => void (await handlers()['account.signOut']({})),
    launchAtLogin: () => deps.launchAtLogin.get(),
    setLaunchAtLogin: async (enabled) => {
      await deps.launchAtLogin.set(enabled);
      presenter.refresh();
    },
    quit: deps.quit,
  };
  const tray = deps.makeTray((action) => void runTrayAction(action, actions));
  const presenter = new TrayPresenter({
    render: (model) => tray.render(model),
    state: () => {
      const server = state.server;
      const { host, port } = deps.address();
      return {
        state: state.startProblem ? 'error' : server?.dashboard.serving.paused ? 'paused' : 'running',
        ...(state.startProblem && { error: state.startProblem.message }),
        ...problems(server, state.serversProblem),
        host,
        port: server?.port ?? port,
        keys: state.trayKeys,
        ...(state.account.account !== null && { signedInAs: state.account.account.login }),
        signInWith: state.account.providers,
        launchAtLogin: deps.launchAtLogin.get(),
        ...(state.tunnel !== undefined && {
          tunnel: { on: state.tunnel.tool !== null, publicUrl: state.tunnel.publicUrl },
        }),
      };
    },
  });
  return {
    presenter,
    /** The keys the menu offers are read (through the keychain) only when they change. */
    async reloadKeys(): Promise<void> {
      const listing = await state.server?.dashboard.handlers['keys.list']({}).catch(() => undefined);
      state.trayKeys = (listing?.keys ?? [])
        .filter((key) => key.status === 'active')
        .map(({ id, name }) => ({ id, name }));
      presenter.refresh();
    },
    /** Who is signed in; `announce`: the sign-in just finished in the browser, so say it was heard. */
    showAccount(view: AccountView, announce: boolean): void {
      if (announce && view.account !== null && state.account.account?.login !== view.account.login)
        deps.notify('Signed in', `MCP Tray: signed in as @${view.account.login}.`);
      state.account = view;
      presenter.refresh();
    },
  };
}

export type TraySetup = ReturnType<typeof setupTray>;

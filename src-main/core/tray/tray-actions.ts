import type { SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import type { TrayAction } from './tray-model.ts';

/** What tray actions may do; the app passes Electron's clipboard, notifications and windows. */
export interface TrayActionDeps {
  revealKey(id: string): Promise<{ name: string; secret: string }>;
  mcpUrl(): string;
  /** The public MCP URL while a tunnel is up. */
  publicMcpUrl(): string | undefined;
  /** Starts the tunnel (cloudflared unless another was chosen in Settings), or stops it. */
  expose(): Promise<void>;
  stopExposing(): Promise<void>;
  writeClipboard(text: string): void;
  notify(title: string, body: string): void;
  openDashboard(): void;
  setServing(running: boolean): Promise<void>;
  /** Opens the provider's sign-in in the system browser. */
  signIn(provider: SignInProvider): Promise<void>;
  signOut(): Promise<void>;
  launchAtLogin(): boolean;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  quit(): void;
}

/** Carries out one tray menu action through the core; failures become a notification, never a crash. */
export async function runTrayAction(action: TrayAction, deps: TrayActionDeps): Promise<void> {
  try {
    switch (action.kind) {
      case 'copy-key': {
        const { name, secret } = await deps.revealKey(action.keyId);
        deps.writeClipboard(secret);
        deps.notify(
          'Connector key copied',
          `The key “${name}” is on the clipboard; paste it into your client.`,
        );
        return;
      }
      case 'copy-url':
        deps.writeClipboard(deps.mcpUrl());
        deps.notify('MCP URL copied', deps.mcpUrl());
        return;
      case 'copy-public-url': {
        const url = deps.publicMcpUrl();
        if (url === undefined) throw new Error('The tunnel has no public URL yet; try again in a moment.');
        deps.writeClipboard(url);
        deps.notify('Public URL copied', `${url}: for ChatGPT’s and Claude’s connectors (see Connect).`);
        return;
      }
      case 'expose':
        await deps.expose();
        deps.notify(
          'Exposing to the internet',
          'The tunnel is starting; its public URL shows in this menu once it is up.',
        );
        return;
      case 'stop-exposing':
        return await deps.stopExposing();
      case 'open-dashboard':
        return deps.openDashboard();
      case 'start-server':
        return await deps.setServing(true);
      case 'stop-server':
        return await deps.setServing(false);
      case 'sign-in':
        return await deps.signIn(action.provider);
      case 'sign-out':
        return await deps.signOut();
      case 'toggle-launch-at-login':
        return await deps.setLaunchAtLogin(!deps.launchAtLogin());
      case 'quit':
        return deps.quit();
    }
  } catch (error) {
    deps.notify('MCP Tray could not do that', error instanceof Error ? error.message : String(error));
  }
}

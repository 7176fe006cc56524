import { join } from 'node:path';
import type { ConnectClientId, ConnectScope } from '../../../src-shared/connect-view.ts';

/** Where clients keep their files: this computer's OS, home folder, environment and the project folder. */
export interface ClientPlace {
  platform: NodeJS.Platform;
  home: string;
  env: NodeJS.ProcessEnv;
  /** The project a project-scope config goes in (the working folder by default). */
  projectDir: string;
}

function folders(place: ClientPlace) {
  const { home, env, platform } = place;
  const appData = env['APPDATA'] ?? join(home, 'AppData', 'Roaming');
  const appSupport = join(home, 'Library', 'Application Support');
  const xdg = env['XDG_CONFIG_HOME'] ?? join(home, '.config');
  const perOs = <T>(mac: T, win: T, linux: T): T =>
    platform === 'darwin' ? mac : platform === 'win32' ? win : linux;
  return { appData, appSupport, xdg, perOs };
}

/** The config file a client reads for `scope`, or undefined when it has no such scope. */
export function clientFile(id: ConnectClientId, scope: ConnectScope, place: ClientPlace): string | undefined {
  const { home, env, projectDir } = place;
  const { appData, appSupport, xdg, perOs } = folders(place);
  const project = (path: string) => (scope === 'project' ? join(projectDir, path) : undefined);
  switch (id) {
    case 'chatgpt-desktop':
    case 'codex':
      // The ChatGPT desktop app reads Codex's config.toml (CODEX_HOME moves it).
      return scope === 'user' ? join(env['CODEX_HOME'] ?? join(home, '.codex'), 'config.toml') : undefined;
    case 'claude-desktop':
      return scope === 'user'
        ? join(
            perOs(join(appSupport, 'Claude'), join(appData, 'Claude'), join(xdg, 'Claude')),
            'claude_desktop_config.json',
          )
        : undefined;
    case 'claude-code':
      return scope === 'user' ? join(home, '.claude.json') : project('.mcp.json');
    case 'cursor':
      return scope === 'user' ? join(home, '.cursor', 'mcp.json') : project(join('.cursor', 'mcp.json'));
    case 'vscode':
      return scope === 'user'
        ? join(perOs(join(appSupport, 'Code'), join(appData, 'Code'), join(xdg, 'Code')), 'User', 'mcp.json')
        : project(join('.vscode', 'mcp.json'));
    case 'windsurf':
      return scope === 'user' ? join(home, '.codeium', 'windsurf', 'mcp_config.json') : undefined;
    case 'gemini':
      return scope === 'user'
        ? join(home, '.gemini', 'settings.json')
        : project(join('.gemini', 'settings.json'));
    case 'opencode':
      // opencode reads ~/.config/opencode on every OS.
      return scope === 'user' ? join(xdg, 'opencode', 'opencode.json') : project('opencode.json');
    case 'zed':
      return scope === 'user'
        ? join(perOs(join(xdg, 'zed'), join(appData, 'Zed'), join(xdg, 'zed')), 'settings.json')
        : project(join('.zed', 'settings.json'));
    case 'lm-studio':
      return scope === 'user' ? join(home, '.lmstudio', 'mcp.json') : undefined;
  }
}

/** Folders whose presence says the client is installed (its config or app folder), first found wins. */
export function clientFolders(id: ConnectClientId, place: ClientPlace): string[] {
  const { home, env } = place;
  const { appData, appSupport, xdg, perOs } = folders(place);
  const local = env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local');
  switch (id) {
    case 'chatgpt-desktop':
      // The desktop app exists for macOS and Windows only (on Windows, from the Microsoft Store or a download).
      return perOs(
        ['/Applications/ChatGPT.app', join(home, 'Applications', 'ChatGPT.app')],
        [join(local, 'Packages', 'OpenAI.ChatGPT-Desktop_2p2nqsd0c76g0'), join(local, 'Programs', 'ChatGPT')],
        [],
      );
    case 'codex':
      return [env['CODEX_HOME'] ?? join(home, '.codex')];
    case 'claude-desktop':
      return [perOs(join(appSupport, 'Claude'), join(appData, 'Claude'), join(xdg, 'Claude'))];
    case 'claude-code':
      return [join(home, '.claude'), join(home, '.claude.json')];
    case 'cursor':
      return [join(home, '.cursor')];
    case 'vscode':
      return [perOs(join(appSupport, 'Code'), join(appData, 'Code'), join(xdg, 'Code'))];
    case 'windsurf':
      return [join(home, '.codeium', 'windsurf')];
    case 'gemini':
      return [join(home, '.gemini')];
    case 'opencode':
      return [join(xdg, 'opencode'), join(home, '.local', 'share', 'opencode')];
    case 'zed':
      return [perOs(join(xdg, 'zed'), join(appData, 'Zed'), join(xdg, 'zed'))];
    case 'lm-studio':
      return [join(home, '.lmstudio')];
  }
}

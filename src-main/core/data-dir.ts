import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { PRODUCT_NAME } from '../../src-shared/product.ts';

/**
 * The folder Electron's `app.getPath('userData')` gives for our product name, so the headless server and
 * the desktop app share keys and settings: macOS ~/Library/Application Support/MCP Tray, Windows
 * %APPDATA%\MCP Tray, elsewhere $XDG_CONFIG_HOME/MCP Tray (default ~/.config/MCP Tray).
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  const { join } = platform === 'win32' ? win32 : posix;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  const configHome = env['XDG_CONFIG_HOME'];
  return join(
    configHome !== undefined && configHome !== '' ? configHome : join(home, '.config'),
    PRODUCT_NAME,
  );
}

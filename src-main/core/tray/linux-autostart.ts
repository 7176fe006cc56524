import { mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';

export const AUTOSTART_FILE = 'mcp-tray.desktop';

/** Quotes one argument of a desktop entry's Exec key, as the Desktop Entry Specification asks. */
export function quoteExecArgument(argument: string): string {
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(argument)) return argument;
  return `"${argument.replace(/(["`$\\])/g, '\\$1')}"`;
}

export interface AutostartTarget {
  /** The app's executable (process.execPath). */
  executable: string;
  /** Inside an AppImage, `$APPIMAGE`: the file to run (the executable lives in a mount that goes away). */
  appImage?: string;
}

/** The XDG autostart entry that starts MCP Tray quietly in the tray at login. */
export function autostartEntry(target: AutostartTarget): string {
  const program = target.appImage ?? target.executable;
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${PRODUCT_NAME}`,
    'Comment=Connects AI clients to this computer',
    `Exec=${quoteExecArgument(program)} --hidden`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function autostartPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const configHome = env['XDG_CONFIG_HOME'];
  return join(
    configHome !== undefined && configHome !== '' ? configHome : join(home, '.config'),
    'autostart',
    AUTOSTART_FILE,
  );
}

/** Turns launch-at-login on (writes the entry) or off (removes it) on Linux. */
export async function setLinuxAutostart(
  enabled: boolean,
  target: AutostartTarget,
  path: string = autostartPath(),
): Promise<void> {
  if (!enabled) return rm(path, { force: true });
  await mkdir(join(path, '..'), { recursive: true });
  await writeFileAtomic(path, autostartEntry(target), 0o644);
}

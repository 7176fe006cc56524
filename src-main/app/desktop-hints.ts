import { ListenError, type AppError } from '../core/app-error.ts';
import type { EntryHints } from '../core/entry-hints.ts';

/** The server's messages, finished the desktop app's way: what its windows offer, not command-line flags. */
export const DESKTOP_HINTS: EntryHints = {
  createKey: 'Create one in the dashboard: Keys, then Create key.',
  allowHost:
    'Connect through http://127.0.0.1, or set the public URL of your tunnel in Settings to answer to its name.',
  allowOrigin: () =>
    'The desktop app answers its own dashboard and clients outside the browser; to let a web page in, serve ' +
    'headless with "mcp-tray serve --allow-origin <origin>".',
};

/**
 * What to add when the server could not start in the app: its Settings screen is not running then, so the
 * fix is one the person can make from outside (quit the other program, or start with MCP_PORT set).
 */
export function desktopStartHint(error: AppError): string | undefined {
  if (!(error instanceof ListenError)) return undefined;
  if (error.code === 'host_not_available') return undefined;
  const free = error.freePort === undefined ? '' : ` (${error.freePort} is free)`;
  return `Quit the program that holds it and restart MCP Tray, or start MCP Tray with the MCP_PORT environment variable set to another port${free}; once it runs, Settings can keep that port.`;
}

import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { DEFAULT_PORT } from '../../../src-shared/product.ts';
import { defaultDataDir } from '../data-dir.ts';

/** What `/api/sign-in-help` answers: how to get a sign-in link for this very server. */
export interface SignInHelp {
  /** `mcp-tray dashboard`, with this server's --port and --data-dir when they are not the defaults. */
  command: string;
  /** Names the data folder without showing it: a link made for another folder is told apart by it. */
  dataFolder: string;
}

/** A short, stable name of a data folder (a digest of its absolute path, never the path). */
export function dataFolderId(dataDir: string): string {
  return createHash('sha256').update(resolve(dataDir)).digest('base64url').slice(0, 12);
}

/** One shell word: left bare when safe, quoted for the platform's shell otherwise. */
export function shellWord(word: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[A-Za-z0-9_./:@%+=-]+$/.test(word)) return word;
  if (platform === 'win32') return `"${word.replace(/"/g, '""')}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that prints a fresh sign-in link for the server on `port` keeping its data in `dataDir`. */
export function dashboardCommandLine(
  port: number,
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
  defaultDir: string = defaultDataDir(),
): string {
  const words = ['mcp-tray', 'dashboard'];
  if (port !== DEFAULT_PORT) words.push('--port', String(port));
  if (resolve(dataDir) !== resolve(defaultDir))
    words.push('--data-dir', shellWord(resolve(dataDir), platform));
  return words.join(' ');
}

/** What the sign-in page and `mcp-tray dashboard` are told of the server on `port` keeping `dataDir`. */
export function signInHelp(port: number, dataDir: string): SignInHelp {
  return { command: dashboardCommandLine(port, dataDir), dataFolder: dataFolderId(dataDir) };
}

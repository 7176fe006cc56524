import { shellWord } from '../core/sessions/dashboard-link.ts';

/** What `--secret-store file` means, said whenever a command runs with it. */
export const FILE_STORE_WARNING =
  'Key secrets are kept in a plain file readable only by you (--secret-store file), not in the OS keychain. ' +
  'Use this only on a headless machine that has no keychain, and keep the data folder private.';

/**
 * The command a person typed, with `--secret-store file` in place of whatever store it named: what to run
 * when the keychain cannot be used. Words are quoted for the shell they will be pasted into.
 */
export function withFileStore(command: string, args: readonly string[]): string {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--secret-store') i += 1;
    else if (!arg.startsWith('--secret-store=')) kept.push(arg);
  }
  return [`mcp-tray ${command}`, ...kept.map((arg) => shellWord(arg)), '--secret-store file'].join(' ');
}

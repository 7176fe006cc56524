import { AppError, InputError, KeychainError, ListenError } from '../core/app-error.ts';
import { withFileStore } from './secret-store-advice.ts';

/**
 * How the CLI reports an AppError, decided here once: the exit code from the error's class, and the
 * command-line hint that core messages leave out (core says "pick another port"; the CLI says which flag).
 *
 * Exit codes: 2 for input the command cannot take (flags, names, variables, a port it cannot listen on),
 * 3 when the keychain or the secrets file cannot be used, 1 for the rest.
 */
export function exitCodeOf(error: AppError): number {
  if (error instanceof InputError || error instanceof ListenError) return 2;
  if (error instanceof KeychainError) return 3;
  return 1;
}

/** What to type next, for the command that failed (`argv` as given: the command, then its arguments). */
export function cliHint(error: AppError, argv: readonly string[]): string | undefined {
  const [command = '', ...args] = argv;
  if (error instanceof ListenError) {
    if (error.code === 'port_in_use')
      return error.freePort === undefined
        ? 'Give another one with --port or the MCP_PORT environment variable.'
        : `${error.freePort} is free: --port ${error.freePort} (or MCP_PORT=${error.freePort}).`;
    if (error.code === 'port_not_permitted') return 'Give it with --port (or MCP_PORT).';
    if (error.code === 'host_not_available') return 'Use --host 127.0.0.1, or leave --host out.';
  }
  if (error instanceof KeychainError && error.code.startsWith('keychain_')) {
    const instead = `To keep key secrets in a file instead, run: ${withFileStore(command, args)}`;
    return command === 'keys'
      ? `${instead} (and serve with "mcp-tray serve --secret-store file", or the server will not see the key).`
      : instead;
  }
  if (error.code === 'key_not_found') return '"mcp-tray keys list" shows them.';
  if (error.code === 'unknown_server') return '"mcp-tray servers list" shows them.';
  if (error instanceof InputError && error.code === 'import_failed' && error.field === 'file')
    return 'Give it with --file PATH.';
  if (error.code === 'invalid_expiry') return 'Give one with --expires-in, such as --expires-in 30d.';
  if (error.code === 'tool_name_collision')
    return 'Add it again with --prefix P (a prefix no other server uses).';
  return undefined;
}

/** The line the CLI prints for an AppError: its message, then the hint on a line of its own. */
export function cliMessage(error: AppError, argv: readonly string[]): string {
  const hint = cliHint(error, argv);
  return hint === undefined ? error.message : `${error.message}\n${hint}`;
}

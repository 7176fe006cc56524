import type { Caller } from '../../../src-shared/caller.ts';
import { InputError } from '../app-error.ts';

/**
 * Keys from MCP_API_KEYS are listed beside the stored ones but never changed by MCP Tray: the variable is
 * where they live. The one rule, for the CLI and the dashboard alike.
 */
export function refuseEnvironmentKey(environmentKeys: readonly Caller[], idOrName: string): void {
  const caller = environmentKeys.find((key) => key.keyId === idOrName || key.keyName === idOrName);
  if (caller !== undefined) {
    throw new InputError(
      'key_from_environment',
      `"${caller.keyName}" comes from the MCP_API_KEYS environment variable and is read-only here; change that variable to change it.`,
    );
  }
}

import {
  CONNECT_CLIENTS,
  type ConnectClientId,
  type ConnectScope,
  type KeyWay,
} from '../../src-shared/connect-view.ts';
import { InputError } from '../core/app-error.ts';

export const CONNECT_OPTIONS = {
  key: { type: 'string' },
  scope: { type: 'string' },
  project: { type: 'string' },
  way: { type: 'string' },
  'key-in-file': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'secret-store': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The one client a command names (`connect CLIENT`), refused with the list when it is not one. */
export function clientOf(positionals: string[], help: string): ConnectClientId {
  const [value, ...extra] = positionals;
  if (extra.length > 0) throw new InputError('usage', `Unexpected "${extra.join(' ')}". ${help}`);
  const found = CONNECT_CLIENTS.find((id) => id === value);
  if (found === undefined)
    throw new InputError(
      'usage',
      `${value === undefined ? 'Say which client' : `"${value}" is not a client MCP Tray connects`}: one of ${CONNECT_CLIENTS.join(', ')}.`,
      { field: 'client' },
    );
  return found;
}

export function scopeOf(value: string | undefined): ConnectScope | undefined {
  if (value === undefined || value === 'user' || value === 'project') return value;
  throw new InputError('usage', `--scope is user or project, not "${value}".`, { field: 'scope' });
}

export function wayOf(value: string | undefined, keyInFile: boolean | undefined): KeyWay | undefined {
  if (keyInFile) return 'in-file';
  if (value === undefined || value === 'bridge' || value === 'prompt' || value === 'in-file') return value;
  throw new InputError('usage', `--way is bridge, prompt or in-file, not "${value}".`, { field: 'way' });
}

/** `clients` names no client. */
export function noClient(positionals: string[], help: string): void {
  if (positionals.length > 0) throw new InputError('usage', `"clients" takes no client name. ${help}`);
}

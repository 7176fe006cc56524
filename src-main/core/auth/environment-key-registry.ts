import type { Caller } from '../../../src-shared/caller.ts';
import { permissionProblem } from '../../../src-shared/permissions.ts';
import { isPlainObject } from '../../../src-shared/plain-object.ts';
import { InputError } from '../app-error.ts';
import type { KeyRegistry } from './key-registry.ts';
import { secretDigest } from '../secret-digest.ts';

/** Keys given in `MCP_API_KEYS`, held as digests: the secrets themselves are not kept. */
export interface EnvironmentKeyRegistry extends KeyRegistry {
  /** Every caller, for listings (never their secrets). */
  callers(): Caller[];
  /** Entries worth a warning at start (for example a short key), named by key name. */
  readonly warnings: readonly string[];
}

const ENV_NAME = 'MCP_API_KEYS';
const SHORT_KEY = 24;

export const EXAMPLE_API_KEYS =
  '{"<key>": {"name": "ChatGPT Connector", "userId": "connector-user", "role": "user", "permissions": ["*"]}}';

function invalid(detail: string): InputError {
  return new InputError(
    'invalid_api_keys',
    `${ENV_NAME} is not valid: ${detail}. It must be a JSON object whose keys are the API keys, for example ${EXAMPLE_API_KEYS}.`,
    { field: ENV_NAME },
  );
}

function requireText(entry: Record<string, unknown>, field: string, label: string): string {
  const value = entry[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(`${label} needs "${field}" as a non-empty string`);
  }
  return value;
}

function parseEntry(secret: string, value: unknown, position: number): Caller {
  const fallbackLabel = `entry #${position}`;
  if (!isPlainObject(value))
    throw invalid(`${fallbackLabel} must be an object with name, userId, role and permissions`);
  const rawName = value['name'];
  const label = typeof rawName === 'string' && rawName.trim() !== '' ? `entry "${rawName}"` : fallbackLabel;
  if (secret.trim() === '') throw invalid(`${label} has an empty key`);
  const keyName = requireText(value, 'name', label);
  const userId = requireText(value, 'userId', label);
  const role = requireText(value, 'role', label);
  const permissions = value['permissions'];
  if (!Array.isArray(permissions)) throw invalid(`${label} needs "permissions" as an array of strings`);
  for (const permission of permissions) {
    const problem = permissionProblem(permission);
    if (problem !== undefined) throw invalid(`${label} has a bad "permissions" item: ${problem}`);
  }
  const keyId = `env:${secretDigest(secret).slice(0, 10)}`;
  return { keyId, keyName, userId, role, permissions: permissions as string[], source: 'environment' };
}

/** Parses `MCP_API_KEYS` (absent or blank means no keys). Throws an InputError naming the entry and field at fault. */
export function parseApiKeys(raw: string | undefined): EnvironmentKeyRegistry {
  const byDigest = new Map<string, Caller>();
  const warnings: string[] = [];
  if (raw !== undefined && raw.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      // JSON.parse's own message quotes the input around the fault, which may be a key: keep only where.
      const position = /position (\d+)/.exec((error as Error).message)?.[1];
      throw invalid(
        `it is not valid JSON${position === undefined ? '' : ` (the problem is at character ${position})`}`,
      );
    }
    if (!isPlainObject(parsed)) throw invalid('the top level must be an object');
    let position = 0;
    for (const [secret, value] of Object.entries(parsed)) {
      position += 1;
      const caller = parseEntry(secret, value, position);
      byDigest.set(secretDigest(secret), caller);
      if (secret.length < SHORT_KEY) {
        warnings.push(
          `the key of "${caller.keyName}" is only ${secret.length} characters long; anyone who can guess it can use this computer's tools. Use at least 32 random characters.`,
        );
      }
    }
  }
  return {
    lookup: (secret) => {
      const caller = byDigest.get(secretDigest(secret));
      return caller === undefined ? undefined : { caller };
    },
    findById: (keyId) => {
      for (const caller of byDigest.values()) if (caller.keyId === keyId) return { caller };
      return undefined;
    },
    size: byDigest.size,
    callers: () => [...byDigest.values()],
    warnings,
  };
}

/** The keys MCP_API_KEYS holds, for listing; a malformed value is reported (by `warn`), never fatal here. */
export function environmentKeyCallers(value: string | undefined, warn: (message: string) => void): Caller[] {
  try {
    return parseApiKeys(value).callers();
  } catch (error) {
    warn((error as Error).message);
    return [];
  }
}

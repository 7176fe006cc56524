import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import type { Caller } from '../../../src-shared/caller.ts';
import type { KeyView } from './key-view.ts';

export function keyRow(key: KeyView): KeyRow {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    permissions: [...key.permissions],
    status: key.status,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    requestCount: key.requestCount,
    expiresAt: key.expiresAt,
    rateLimit: key.rateLimit,
    readOnly: false,
  };
}

/** A key from MCP_API_KEYS: listed so the user sees it, never changed from the dashboard. */
export function environmentKeyRow(caller: Caller): KeyRow {
  return {
    id: caller.keyId,
    name: caller.keyName,
    prefix: '',
    permissions: [...caller.permissions],
    status: 'environment',
    createdAt: null,
    lastUsedAt: null,
    requestCount: 0,
    expiresAt: null,
    rateLimit: null,
    readOnly: true,
  };
}

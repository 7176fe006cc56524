import { isExpired, type KeyRecord } from './key-record.ts';
import type { KeyUsage } from './key-usage-file.ts';

export type KeyStatus = 'active' | 'expired' | 'revoked' | 'secret_missing';

export interface KeyView extends KeyRecord {
  status: KeyStatus;
  lastUsedAt: string | null;
  requestCount: number;
}

export interface KeyListing {
  keys: KeyView[];
  /** Things worth telling the user: secrets without metadata, an unreadable keys.json. Never a secret. */
  problems: string[];
}

/** A stored key as lists show it: its record, its status now, and its use. */
export function keyView(
  now: number,
  record: KeyRecord,
  usageEntry: KeyUsage | undefined,
  hasSecret: boolean,
): KeyView {
  const status: KeyStatus =
    record.revokedAt !== null
      ? 'revoked'
      : isExpired(record, now)
        ? 'expired'
        : hasSecret
          ? 'active'
          : 'secret_missing';
  return {
    ...record,
    status,
    lastUsedAt: usageEntry?.lastUsedAt ?? null,
    requestCount: usageEntry?.requestCount ?? 0,
  };
}

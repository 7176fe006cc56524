import type { KeyRecord } from '../../src-main/core/keys/key-record.ts';

/** A keys.json record as a freshly made key has it, with `changes` on top: for unit tests of key logic. */
export function keyRecord(id: string, changes: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id,
    name: `Key ${id}`,
    userId: 'me',
    role: 'user',
    permissions: ['*'],
    prefix: 'mcp_sk_abcd…',
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    revokedAt: null,
    rotatedAt: null,
    rateLimit: null,
    grace: null,
    ...changes,
  };
}

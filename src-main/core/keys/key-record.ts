import { z } from 'zod';

const RateLimitSchema = z.object({
  limit: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
});

/** One stored key as `keys.json` holds it: everything but the secret. */
export const KeyRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  userId: z.string().min(1),
  role: z.string().min(1),
  permissions: z.array(z.string()),
  /** The first characters of the secret, for recognising a key: `mcp_sk_AbCd…`. */
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  rotatedAt: z.iso.datetime().nullable(),
  rateLimit: RateLimitSchema.nullable(),
  /** After a rotation with a grace period: the old secret's digest (never the secret) and until when it works. */
  grace: z.object({ digest: z.string(), until: z.iso.datetime() }).nullable(),
  /** The secret store account of the current secret, once a rotation moved it off the key id. */
  secretAccount: z.string().min(1).optional(),
});

export type KeyRecord = z.infer<typeof KeyRecordSchema>;

export const KeysFileSchema = z.object({
  version: z.literal(1),
  keys: z.array(KeyRecordSchema),
});

export type KeysFile = z.infer<typeof KeysFileSchema>;

export function isExpired(record: KeyRecord, now: number): boolean {
  return record.expiresAt !== null && Date.parse(record.expiresAt) <= now;
}

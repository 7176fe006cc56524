import { z } from 'zod';

/** The input schema of every invoke channel of the dashboard contract (dashboard-contract.ts). */

const id = z.string().min(1).max(100);
const rateLimit = z.object({
  limit: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
});
const permissions = z.array(z.string().min(1).max(200)).min(1).max(100);

export const invokeInputs = {
  'app.info': z.object({}),
  'server.status': z.object({}),
  'server.pause': z.object({}),
  'server.resume': z.object({}),
  'tools.list': z.object({}),
  'keys.list': z.object({}),
  'keys.create': z.object({
    name: z.string().min(1).max(100),
    permissions,
    expiresInSeconds: z.number().int().positive().nullable().optional(),
    rateLimit: rateLimit.nullable().optional(),
  }),
  'keys.reveal': z.object({ id }),
  'keys.rotate': z.object({
    id,
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400)
      .optional(),
  }),
  'keys.update': z.object({
    id,
    name: z.string().min(1).max(100).optional(),
    permissions: permissions.optional(),
    expiresInSeconds: z.number().int().positive().nullable().optional(),
    rateLimit: rateLimit.nullable().optional(),
  }),
  'keys.revoke': z.object({ id }),
  'keys.delete': z.object({ id }),
  'keys.test': z.object({ id }),
  'activity.list': z.object({
    keyId: id.optional(),
    before: z.string().max(40).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  'settings.get': z.object({}),
  'settings.update': z.object({
    port: z.number().int().min(1).max(65535).optional(),
    publicBaseUrl: z.string().max(500).nullable().optional(),
    allowQueryKey: z.boolean().optional(),
  }),
} as const;

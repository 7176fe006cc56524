import { z } from 'zod';
import { TUNNEL_TOOLS } from './tunnel-view.ts';
import { FOLDER_NAME } from './folder-view.ts';
import { CONNECT_CLIENTS } from './connect-view.ts';
import { KEY_NAME_MAX, RATE_LIMIT_MAX } from './key-limits.ts';

/** The input schema of every invoke channel of the dashboard contract (dashboard-contract.ts). */

const id = z.string().min(1).max(100);
const rateLimit = z.object({
  limit: z.number().int().min(1).max(RATE_LIMIT_MAX),
  windowSeconds: z.number().int().min(1).max(86_400),
});
const keyName = z.string().trim().min(1).max(KEY_NAME_MAX);
const provider = z.enum(['github', 'google']);
const clientId = z.string().trim().min(1, 'Paste the client ID.').max(200);
const clientSecret = z.string().trim().min(1, 'Paste the client secret.').max(500);
const permissions = z.array(z.string().min(1).max(200)).min(1).max(100);

const serverName = z.string().trim().min(1).max(32);
const values = z.record(z.string().min(1).max(200), z.string().max(10_000));
const prefix = z.string().trim().max(32).nullable().optional();
const connectTarget = {
  client: z.enum(CONNECT_CLIENTS),
  scope: z.enum(['user', 'project']).optional(),
  /** The project folder, for project scope (an absolute path). */
  projectDir: z.string().max(1000).optional(),
  dryRun: z.boolean().optional(),
};
const importFrom = z.object({
  from: z.enum(['claude-desktop', 'claude-code', 'cursor', 'vscode', 'codex']),
  file: z.string().max(1000).optional(),
});

export const invokeInputs = {
  'app.info': z.object({}),
  'app.openDataFolder': z.object({}),
  'server.status': z.object({}),
  'server.pause': z.object({}),
  'server.resume': z.object({}),
  'tools.list': z.object({}),
  'keys.list': z.object({}),
  'keys.create': z.object({
    name: keyName,
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
    name: keyName.optional(),
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
    status: z.enum(['ok', 'refused', 'limited', 'failed']).optional(),
  }),
  'servers.list': z.object({}),
  'servers.add': z.union([
    z.object({
      name: serverName,
      command: z.string().trim().min(1, 'Give the command that starts the server.').max(1000),
      args: z.array(z.string().max(4000)).max(200),
      cwd: z.string().max(1000).optional(),
      env: values,
      secretEnv: values,
      prefix,
    }),
    z.object({
      name: serverName,
      url: z.string().trim().min(1, 'Give the server’s URL.').max(2000),
      headers: values,
      secretHeaders: values,
      prefix,
    }),
  ]),
  'servers.setEnabled': z.object({ name: serverName, enabled: z.boolean() }),
  'servers.remove': z.object({ name: serverName }),
  'servers.approve': z.object({ name: serverName }),
  'servers.logs': z.object({ name: serverName }),
  'servers.importPreview': importFrom,
  'servers.import': importFrom,
  'clients.list': z.object({ projectDir: z.string().max(1000).optional() }),
  'clients.connect': z.object({
    ...connectTarget,
    way: z.enum(['bridge', 'prompt', 'in-file']).optional(),
    key: id.optional(),
    /** The new key's id a preview showed, so that the write is exactly what it showed. */
    newKeyId: z
      .string()
      .regex(/^key_[A-Za-z0-9_-]{12}$/)
      .optional(),
  }),
  'clients.disconnect': z.object(connectTarget),
  'tunnel.get': z.object({}),
  'tunnel.start': z.object({
    tool: z.enum(TUNNEL_TOOLS),
    /** The tool's path, when it is not on PATH. */
    path: z.string().trim().min(1).max(1000).optional(),
    /** A stable name: a named cloudflared tunnel's hostname, or an ngrok reserved domain. */
    hostname: z.string().trim().min(1).max(253).optional(),
    /** A named cloudflared tunnel's token: kept in the keychain. */
    token: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9+/=_-]{20,4096}$/, 'a tunnel token is one long line of letters and digits')
      .optional(),
  }),
  'tunnel.stop': z.object({}),
  'connectors.check': z.object({ keyId: id.optional() }),
  'folders.list': z.object({}),
  'folders.add': z.object({
    path: z.string().trim().min(1).max(4096),
    name: z.string().trim().regex(FOLDER_NAME, 'use 1 to 40 letters, digits, - or _').optional(),
  }),
  'folders.remove': z.object({ name: z.string().regex(FOLDER_NAME) }),
  'folders.reindex': z.object({ name: z.string().regex(FOLDER_NAME).optional() }),
  'folders.settings': z.object({ maxFileMegabytes: z.number().min(0.1).max(1024) }),
  'folders.pick': z.object({}),
  'apps.list': z.object({}),
  'apps.revoke': z.object({ grantId: z.string().min(1).max(200) }),
  'apps.approve': z.object({
    uid: z.string().min(1).max(200),
    preset: z.enum(['tools', 'read-only', 'full']),
  }),
  'apps.deny': z.object({ uid: z.string().min(1).max(200) }),
  'settings.get': z.object({}),
  'settings.update': z.object({
    // Below 1024 needs administrator rights on macOS and Linux; MCP Tray never needs such a port.
    port: z.number().int().min(1024).max(65535).optional(),
    publicBaseUrl: z.string().max(500).nullable().optional(),
    allowQueryKey: z.boolean().optional(),
    oauthLocal: z.boolean().optional(),
  }),
  'signIn.get': z.object({}),
  'signIn.update': z.object({
    enabled: z.boolean().optional(),
    /** null removes the provider (and its secret). */
    github: z
      .object({
        clientId: clientId,
        /** Omitted: keep the saved one. */
        clientSecret: clientSecret.optional(),
        baseUrl: z.string().trim().max(500).optional(),
        apiUrl: z.string().trim().max(500).optional(),
      })
      .nullable()
      .optional(),
    google: z
      .object({
        clientId: clientId,
        clientSecret: clientSecret.optional(),
        issuer: z.string().trim().max(500).optional(),
      })
      .nullable()
      .optional(),
  }),
  'signIn.check': z.object({ provider }),
  'owners.add': z.object({ provider, login: z.string().trim().min(1).max(254) }),
  'owners.remove': z.object({ id: z.string().min(1).max(300) }),
  'account.get': z.object({}),
  'account.signIn': z.object({ provider }),
  'account.signOut': z.object({}),
} as const;

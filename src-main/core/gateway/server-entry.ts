import { z } from 'zod';

/** A server's name: 1 to 32 of a-z, 0-9 and `-`; it also prefixes its tools (`<name>__<tool>`). */
export const SERVER_NAME = /^[a-z0-9-]{1,32}$/;
/** A tool prefix as typed: like a name, with `_` allowed too (tools join it with `__`). */
export const TOOL_PREFIX = /^[a-z0-9_-]{1,32}$/;

/** A tool as it was approved: what the person saw when they added the server (see tool-pins.ts). */
export const ToolPinSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: z.record(z.string(), z.unknown()),
  annotations: z.record(z.string(), z.unknown()).optional(),
});
export type ToolPin = z.infer<typeof ToolPinSchema>;

const common = {
  name: z.string().regex(SERVER_NAME),
  enabled: z.boolean(),
  /** Prefix of its tools and prompts; null when they keep their own names (`--no-prefix`). */
  prefix: z.string().regex(TOOL_PREFIX).nullable(),
  addedAt: z.iso.datetime(),
  /** Approved tools by their upstream names; absent until the server's first start after it was added. */
  approvedTools: z.record(z.string(), ToolPinSchema).optional(),
};

/** A server MCP Tray starts: its command, arguments, folder and environment (secret values kept aside). */
export const StdioEntrySchema = z.object({
  ...common,
  kind: z.literal('stdio'),
  command: z.string().min(1),
  args: z.array(z.string()),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()),
  /** Names of variables whose values live in the secret store. */
  secretEnv: z.array(z.string()),
});

/** A Streamable HTTP server elsewhere: its URL and headers (secret values kept aside). */
export const RemoteEntrySchema = z.object({
  ...common,
  kind: z.literal('remote'),
  url: z.url({ protocol: /^https?$/ }),
  headers: z.record(z.string(), z.string()),
  /** Names of headers whose values live in the secret store. */
  secretHeaders: z.array(z.string()),
});

export const ServerEntrySchema = z.discriminatedUnion('kind', [StdioEntrySchema, RemoteEntrySchema]);
export type ServerEntry = z.infer<typeof ServerEntrySchema>;
export type StdioEntry = z.infer<typeof StdioEntrySchema>;
export type RemoteEntry = z.infer<typeof RemoteEntrySchema>;

export const ServersFileSchema = z.object({
  version: z.literal(1),
  servers: z.array(ServerEntrySchema),
});

/** Names whose values are secrets wherever they come from: moved to the secret store, never written out. */
export function looksSecret(name: string): boolean {
  return /KEY|TOKEN|SECRET|PASSWORD|AUTH/i.test(name);
}

/** What changes how a server is started: a change of any of these restarts it. */
export function launchKey(entry: ServerEntry): string {
  const { approvedTools: _approved, enabled: _enabled, prefix: _prefix, ...launch } = entry;
  return JSON.stringify(launch);
}

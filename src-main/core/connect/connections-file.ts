import { join } from 'node:path';
import { z } from 'zod';
import { CONNECT_CLIENTS } from '../../../src-shared/connect-view.ts';
import { JsonStateFile } from '../fs/json-state-file.ts';

/** One client config MCP Tray wrote: enough to undo it, and to tell which key it uses. */
const connection = z.object({
  client: z.enum(CONNECT_CLIENTS),
  scope: z.enum(['user', 'project']),
  file: z.string(),
  way: z.enum(['bridge', 'prompt', 'in-file']),
  keyId: z.string(),
  /** Whether MCP Tray made the key for this client (then disconnecting revokes it). */
  keyCreated: z.boolean(),
  /** The file as it was, kept in the data folder; null when there was no file. */
  backup: z.string().nullable(),
  /** The SHA-256 of what MCP Tray wrote: Undo restores the backup only while the file is still that. */
  written: z.string(),
  at: z.string(),
});
export type Connection = z.infer<typeof connection>;

const schema = z.object({ connections: z.array(connection) });

/** `connections.json` in the data folder: the client configs MCP Tray wrote, newest last. */
export function connectionsFile(dataDir: string, now: () => number, warn: (message: string) => void) {
  return new JsonStateFile({
    path: join(dataDir, 'connections.json'),
    schema,
    fallback: () => ({ connections: [] }),
    now,
    warn,
  });
}
export type ConnectionsFile = ReturnType<typeof connectionsFile>;

/** The folder the backups of client files go in. */
export const backupsDir = (dataDir: string) => join(dataDir, 'client-backups');

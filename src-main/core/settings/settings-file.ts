import { join } from 'node:path';
import { z } from 'zod';
import { TUNNEL_TOOLS } from '../../../src-shared/tunnel-view.ts';
import { JsonStateFile } from '../fs/json-state-file.ts';

/** What the dashboard's Settings screen changes; flags and environment variables still win over it. */
export const SettingsSchema = z.object({
  port: z.number().int().min(1).max(65535).optional(),
  /** The public HTTPS origin of a tunnel (https://tray.example.com), used in configs for cloud clients. */
  publicBaseUrl: z.string().url().optional(),
  allowQueryKey: z.boolean().optional(),
  /** The tunnel started from the dashboard, started again with the server; its path when not on PATH. */
  tunnel: z.enum(TUNNEL_TOOLS).optional(),
  tunnelPath: z.string().min(1).optional(),
  /** Its stable name (a named cloudflared tunnel's hostname, an ngrok reserved domain); none: a quick tunnel. */
  tunnelHostname: z.string().min(1).optional(),
  /** Sign-in with GitHub or Google, as set in Settings (client secrets are in the secret store, not here). */
  oauth: z
    .object({
      enabled: z.boolean().optional(),
      github: z
        .object({
          clientId: z.string().min(1),
          baseUrl: z.string().url().optional(),
          apiUrl: z.string().url().optional(),
        })
        .optional(),
      google: z.object({ clientId: z.string().min(1), issuer: z.string().url().optional() }).optional(),
    })
    .optional(),
  /** OAuth for local clients: the authorization server answers on loopback names too (off: 404 there). */
  oauthLocal: z.boolean().optional(),
  /** The desktop app opens the dashboard by itself on its first run only. */
  welcomed: z.boolean().optional(),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_FILE = 'settings.json';

/** `<data-dir>/settings.json`, written atomically; one that cannot be read is kept aside and reported. */
export class SettingsFile {
  readonly path: string;
  private readonly file: JsonStateFile<typeof SettingsSchema>;

  constructor(dataDir: string, now: () => number = Date.now) {
    this.path = join(dataDir, SETTINGS_FILE);
    this.file = new JsonStateFile({ path: this.path, schema: SettingsSchema, fallback: () => ({}), now });
  }

  async read(): Promise<{ settings: Settings; problem?: string }> {
    const { value, problem } = await this.file.inspect();
    return problem === undefined
      ? { settings: value }
      : { settings: value, problem: `${problem} and the defaults apply.` };
  }

  /** Merges `changes` into the file; a key given as undefined is removed (a cleared setting stays cleared). */
  async update(changes: Settings): Promise<Settings> {
    return this.file.change((settings) => {
      const merged = settings as Record<string, unknown>;
      for (const [name, value] of Object.entries(changes)) {
        if (value === undefined) delete merged[name];
        else merged[name] = value;
      }
      return SettingsSchema.parse(merged);
    });
  }
}

/** The saved settings for a data folder, reporting (never throwing on) a file that had to be set aside. */
export async function loadSettings(dataDir: string, warn: (message: string) => void): Promise<Settings> {
  const { settings, problem } = await new SettingsFile(dataDir)
    .read()
    .catch(() => ({ settings: {}, problem: undefined }));
  if (problem !== undefined) warn(problem);
  return settings;
}

import { join } from 'node:path';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { readJsonOrSetAside } from '../fs/json-file.ts';

const entrySchema = z.object({
  payload: z.record(z.string(), z.unknown()),
  /** ms since epoch; absent for what does not expire (registered clients). */
  expiresAt: z.number().optional(),
});
const fileSchema = z.object({
  version: z.literal(1),
  models: z.record(z.string(), z.record(z.string(), entrySchema)),
});
type Entry = z.infer<typeof entrySchema>;
type StoreFile = z.infer<typeof fileSchema>;

export const OAUTH_FILE = 'oauth.json';

/**
 * What the authorization server keeps (registered clients, grants, codes, refresh tokens, sign-in
 * interactions), in `<data-dir>/oauth.json`: held in memory, written atomically after every change before
 * the change is acknowledged, expired entries dropped. Only the running server writes it. A file that cannot
 * be read is kept aside and the server starts with none (connected apps then connect again).
 */
export class OAuthStore {
  private readonly path: string;
  private readonly data: StoreFile;
  private readonly now: () => number;
  private writing: Promise<void> = Promise.resolve();
  /** Told after each change (Connected apps follow grants). */
  onChange: () => void = () => {};

  private constructor(path: string, data: StoreFile, now: () => number) {
    this.path = path;
    this.data = data;
    this.now = now;
  }

  static async open(
    dataDir: string,
    now: () => number,
    warn: (message: string) => void,
  ): Promise<OAuthStore> {
    const path = join(dataDir, OAUTH_FILE);
    const empty: StoreFile = { version: 1, models: {} };
    const { value, problem } = await readJsonOrSetAside(path, fileSchema, empty, now);
    if (problem !== undefined) warn(`${problem}; connected apps must connect again.`);
    return new OAuthStore(path, value, now);
  }

  /** oidc-provider's adapter for one model (Client, Grant, RefreshToken...). */
  adapter(model: string): Adapter {
    return {
      upsert: (id, payload, expiresIn) =>
        this.change(() => {
          const entry: Entry = { payload: { ...payload } };
          if (expiresIn !== undefined) entry.expiresAt = this.now() + expiresIn * 1000;
          this.models(model)[id] = entry;
        }),
      find: (id) => Promise.resolve(this.find(model, id)),
      findByUid: (uid) => Promise.resolve(this.findWhere(model, (payload) => payload.uid === uid)),
      findByUserCode: (code) =>
        Promise.resolve(this.findWhere(model, (payload) => payload.userCode === code)),
      consume: (id) =>
        this.change(() => {
          const entry = this.models(model)[id];
          if (entry !== undefined) entry.payload['consumed'] = Math.floor(this.now() / 1000);
        }),
      destroy: (id) =>
        this.change(() => {
          delete this.models(model)[id];
        }),
      revokeByGrantId: (grantId) => this.revokeGrant(grantId, model),
    };
  }

  /** Unexpired entries of a model, by id. */
  entries(model: string): Array<{ id: string; payload: AdapterPayload }> {
    const now = this.now();
    return Object.entries(this.models(model))
      .filter(([, entry]) => entry.expiresAt === undefined || entry.expiresAt > now)
      .map(([id, entry]) => ({ id, payload: entry.payload as AdapterPayload }));
  }

  find(model: string, id: string): AdapterPayload | undefined {
    const entry = this.models(model)[id];
    if (entry === undefined || (entry.expiresAt !== undefined && entry.expiresAt <= this.now()))
      return undefined;
    return entry.payload as AdapterPayload;
  }

  /** Ends a grant: the grant itself (unless `only` names one model) and every token and code issued from it. */
  revokeGrant(grantId: string, only?: string): Promise<void> {
    return this.change(() => {
      for (const [model, entries] of Object.entries(this.data.models)) {
        if (only !== undefined && model !== only) continue;
        for (const [id, entry] of Object.entries(entries)) {
          if (entry.payload['grantId'] === grantId || (model === 'Grant' && id === grantId))
            delete entries[id];
        }
      }
    });
  }

  private findWhere(
    model: string,
    test: (payload: Record<string, unknown>) => boolean,
  ): AdapterPayload | undefined {
    return this.entries(model).find((entry) => test(entry.payload))?.payload;
  }

  private models(model: string): Record<string, Entry> {
    return (this.data.models[model] ??= {});
  }

  /** Applies a change, then writes the file; changes are written one after another, in order. */
  private change(apply: () => void): Promise<void> {
    apply();
    this.dropExpired();
    const text = `${JSON.stringify(this.data)}\n`;
    const write = this.writing.then(() => writeFileAtomic(this.path, text, 0o600));
    this.writing = write.catch(() => {});
    return write.then(() => this.onChange());
  }

  private dropExpired(): void {
    const now = this.now();
    for (const entries of Object.values(this.data.models)) {
      for (const [id, entry] of Object.entries(entries)) {
        if (entry.expiresAt !== undefined && entry.expiresAt <= now) delete entries[id];
      }
    }
  }
}

import { watchFile, unwatchFile } from 'node:fs';
import type { Caller } from '../../../src-shared/caller.ts';
import { isAppError } from '../app-error.ts';
import type { KeyRecord } from '../keys/key-record.ts';
import { KeysFile } from '../keys/keys-file.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import type { KeyMatch, KeyRegistry } from './key-registry.ts';
import { secretDigest } from './secret-digest.ts';
import { isKeyId } from '../keys/secret-format.ts';

export interface StoredKeysStatus {
  /** False while the secret store cannot be read; stored keys then keep their last known state. */
  available: boolean;
  /** Why not, with the fix, when not available. */
  reason?: string;
  count: number;
}

export interface StoredKeysDeps {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  now?: () => number;
}

const WATCH_MS = 500;
const RETRY_MS = 30_000;

function callerOf(record: KeyRecord): Caller {
  return {
    keyId: record.id,
    keyName: record.name,
    userId: record.userId,
    role: record.role,
    permissions: record.permissions,
    source: 'stored',
  };
}

/** The digests of every usable stored key, keyed by digest. Built from keys.json and the secret store. */
export function storedKeyMatches(
  records: readonly KeyRecord[],
  secrets: ReadonlyMap<string, string>,
): Map<string, KeyMatch> {
  const matches = new Map<string, KeyMatch>();
  for (const record of records) {
    const secret = secrets.get(record.id);
    if (record.revokedAt !== null || secret === undefined) continue;
    const match: KeyMatch = {
      caller: callerOf(record),
      ...(record.expiresAt !== null && { expiresAt: Date.parse(record.expiresAt) }),
      ...(record.rateLimit !== null && { rateLimit: record.rateLimit }),
    };
    matches.set(secretDigest(secret), match);
    if (record.grace !== null)
      matches.set(record.grace.digest, { ...match, validUntil: Date.parse(record.grace.until) });
  }
  return matches;
}

/**
 * Stored keys as the server sees them: secrets are read once per change (never per request) and only their
 * digests kept. keys.json is watched, so a key created, rotated or revoked by the CLI or the dashboard takes
 * effect within a second; while the secret store is unavailable the server keeps serving and retries.
 */
export class StoredKeys implements KeyRegistry {
  private matches = new Map<string, KeyMatch>();
  private state: StoredKeysStatus = { available: false, reason: 'not loaded yet', count: 0 };
  private readonly file: KeysFile;
  private readonly deps: StoredKeysDeps;
  private reloading: Promise<void> | undefined;
  private again = false;
  private retry: NodeJS.Timeout | undefined;
  private listeners: ((status: StoredKeysStatus) => void)[] = [];
  private reloadListeners: (() => void)[] = [];

  constructor(deps: StoredKeysDeps) {
    this.deps = deps;
    this.file = new KeysFile(deps.dataDir, deps.now);
  }

  get size(): number {
    return this.state.count;
  }

  get status(): StoredKeysStatus {
    return this.state;
  }

  lookup(secret: string): KeyMatch | undefined {
    return this.matches.get(secretDigest(secret));
  }

  /** Calls `listener` whenever the status changes (the tray and dashboard will show it). */
  onStatus(listener: (status: StoredKeysStatus) => void): void {
    this.listeners.push(listener);
  }

  /** Loads the keys (waiting up to `waitMs`: a stalled keychain must not hold up the server), then watches. */
  /** Calls `listener` after every successful read of the keys (the dashboard refreshes its list). */
  onReload(listener: () => void): void {
    this.reloadListeners.push(listener);
  }

  async start(waitMs = 2_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const loaded = await Promise.race([
      this.reload().then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
    ]);
    clearTimeout(timer);
    if (!loaded) {
      this.deps.logger.warn(
        `${this.deps.secrets.label} is slow to answer; starting without stored keys until it does.`,
      );
    }
    watchFile(this.file.path, { interval: WATCH_MS, persistent: false }, () => void this.reload());
    this.retry = setInterval(() => {
      if (!this.state.available) void this.reload();
    }, RETRY_MS);
    this.retry.unref();
  }

  stop(): void {
    unwatchFile(this.file.path);
    clearInterval(this.retry);
  }

  /** Reads keys.json and the secrets again; concurrent calls coalesce into one more pass. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = this.load().finally(() => {
      this.reloading = undefined;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    return this.reloading;
  }

  private async load(): Promise<void> {
    try {
      const { keys, problem } = await this.file.read();
      if (problem !== undefined) this.deps.logger.warn(problem);
      const secrets = keys.length === 0 ? new Map<string, string>() : await this.deps.secrets.list();
      const known = new Set(keys.map((key) => key.id));
      for (const record of keys) {
        if (record.revokedAt === null && !secrets.has(record.id)) {
          this.deps.logger.warn(
            `Key "${record.name}" (${record.id}) has no secret in ${this.deps.secrets.label}; it is skipped.`,
          );
        }
      }
      for (const id of secrets.keys()) {
        if (isKeyId(id) && !known.has(id))
          this.deps.logger.warn(
            `${this.deps.secrets.label} holds a secret for ${id}, which keys.json does not list; it is skipped.`,
          );
      }
      this.matches = storedKeyMatches(keys, secrets);
      const usable = keys.filter((key) => key.revokedAt === null && secrets.has(key.id)).length;
      this.setState({ available: true, count: usable });
      for (const listener of this.reloadListeners) listener();
    } catch (error) {
      const reason = isAppError(error)
        ? error.message
        : `Reading stored keys failed: ${(error as Error).message}`;
      if (this.state.reason !== reason) this.deps.logger.warn(`Stored API keys are unavailable: ${reason}`);
      this.setState({ available: false, reason, count: this.state.count });
    }
  }

  private setState(next: StoredKeysStatus): void {
    const changed = JSON.stringify(next) !== JSON.stringify(this.state);
    this.state = next;
    if (changed) for (const listener of this.listeners) listener(next);
  }
}

import type { Caller } from '../../../src-shared/caller.ts';
import { KeychainError, isAppError } from '../app-error.ts';
import type { KeyRecord } from '../keys/key-record.ts';
import { KeysFile } from '../keys/keys-file.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import type { KeyMatch, KeyRegistry } from './key-registry.ts';
import { secretDigest } from '../secret-digest.ts';
import { watchFileChanges } from '../fs/file-watch.ts';
import { readKeySecrets, secretAccountOf, strayAccounts } from '../keys/key-secrets.ts';

export interface StoredKeysStatus {
  /** False while the secret store cannot be read; stored keys then keep their last known state. */
  available: boolean;
  /** Why not, with the fix, when not available. */
  reason?: string;
  /** The stable code of that reason (`keychain_locked`, `secrets_vanished`...). */
  code?: string;
  count: number;
}

export interface StoredKeysDeps {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  now?: () => number;
}

const RETRY_MS = 30_000;
const NOT_LOADED = 'not loaded yet';

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

/**
 * The digests of every usable stored key, keyed by digest. Built from keys.json and the digest of each
 * secret by its secret-store account.
 */
export function storedKeyMatches(
  records: readonly KeyRecord[],
  digests: ReadonlyMap<string, string>,
): Map<string, KeyMatch> {
  const matches = new Map<string, KeyMatch>();
  for (const record of records) {
    const digest = digests.get(secretAccountOf(record));
    if (record.revokedAt !== null || digest === undefined) continue;
    const match: KeyMatch = {
      caller: callerOf(record),
      ...(record.expiresAt !== null && { expiresAt: Date.parse(record.expiresAt) }),
      ...(record.rateLimit !== null && { rateLimit: record.rateLimit }),
    };
    matches.set(digest, match);
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
export class StoredKeyRegistry implements KeyRegistry {
  private matches = new Map<string, KeyMatch>();
  private state: StoredKeysStatus = { available: false, reason: NOT_LOADED, count: 0 };
  /** The digest of each key secret at the last good read, by account: what serves while the store cannot. */
  private known = new Map<string, string>();
  private readonly file: KeysFile;
  private readonly deps: StoredKeysDeps;
  private reloading: Promise<void> | undefined;
  private again = false;
  private retry: NodeJS.Timeout | undefined;
  private unwatch: () => void = () => {};
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

  findById(keyId: string): KeyMatch | undefined {
    for (const match of this.matches.values())
      if (match.caller.keyId === keyId && match.validUntil === undefined) return match;
    return undefined;
  }

  /** Calls `listener` whenever the status changes (the tray and dashboard will show it). */
  onStatus(listener: (status: StoredKeysStatus) => void): void {
    this.listeners.push(listener);
  }

  /** Calls `listener` after every successful read of the keys (the dashboard refreshes its list). */
  onReload(listener: () => void): void {
    this.reloadListeners.push(listener);
  }

  /** Loads the keys (waiting up to `waitMs`: a stalled keychain must not hold up the server), then watches. */
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
    this.unwatch = watchFileChanges(this.file.path, () => void this.reload());
    this.retry = setInterval(() => {
      if (!this.state.available) void this.reload();
    }, RETRY_MS);
    this.retry.unref();
  }

  stop(): void {
    this.unwatch();
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
    const { logger, secrets: store } = this.deps;
    const { keys, problem } = await this.file.read();
    if (problem !== undefined) logger.warn(problem);
    try {
      const secrets = await this.readSecrets(keys);
      for (const record of keys) {
        if (record.revokedAt === null && !secrets.has(secretAccountOf(record))) {
          logger.warn(`Key "${record.name}" (${record.id}) has no secret in ${store.label}; it is skipped.`);
        }
      }
      for (const account of strayAccounts(keys, secrets.keys(), Date.now()).orphans)
        logger.warn(
          `${store.label} holds a secret for key ${account}, which keys.json does not list; it is skipped. Delete it with "mcp-tray keys delete ${account}".`,
        );
      this.known = new Map(
        keys.map(secretAccountOf).flatMap((account) => {
          const secret = secrets.get(account);
          return secret === undefined ? [] : [[account, secretDigest(secret)] as const];
        }),
      );
      this.matches = storedKeyMatches(keys, this.known);
      if (!this.state.available && this.state.reason !== NOT_LOADED)
        logger.info(`Stored API keys are available again from ${store.label}.`);
      this.setState({ available: true, count: this.usable(keys) });
      for (const listener of this.reloadListeners) listener();
    } catch (error) {
      // Keep serving the keys whose secrets were read before, as keys.json now describes them: a revoked or
      // deleted key goes at once; a new or rotated secret waits until the store can be read again.
      this.matches = storedKeyMatches(keys, this.known);
      const why = isAppError(error)
        ? error.message
        : `Reading stored keys failed: ${(error as Error).message}`;
      const reason = `${why} ${this.known.size > 0 ? 'The keys read before keep working; ' : ''}MCP Tray tries again every 30 seconds and whenever keys change.`;
      if (this.state.reason !== reason) logger.warn(`Stored API keys are unavailable: ${reason}`);
      this.setState({
        available: false,
        reason,
        ...(isAppError(error) && { code: error.code }),
        count: this.usable(keys),
      });
    }
  }

  /** Active keys whose current secret is known. */
  private usable(keys: readonly KeyRecord[]): number {
    return keys.filter((key) => key.revokedAt === null && this.known.has(secretAccountOf(key))).length;
  }

  /**
   * The store's secrets. A store that answers with none of the secrets it held before has not lost them all
   * at once: it was restarted locked (D-Bus starts gnome-keyring again, locked, and it answers "no secrets").
   */
  private async readSecrets(keys: readonly KeyRecord[]): Promise<Map<string, string>> {
    const store = this.deps.secrets;
    if (keys.length === 0) return store.list().catch(() => new Map<string, string>());
    const secrets = await readKeySecrets(store, keys);
    const active = new Set(keys.filter((key) => key.revokedAt === null).map(secretAccountOf));
    const had = [...this.known.keys()].filter((account) => active.has(account));
    if (had.length > 0 && !had.some((account) => secrets.has(account))) {
      throw new KeychainError(
        'secrets_vanished',
        `${store.label} answered with none of the ${had.length} key secrets it held; it may have restarted locked. Unlock it (log in, or open your keyring manager).`,
      );
    }
    return secrets;
  }

  private setState(next: StoredKeysStatus): void {
    const changed = JSON.stringify(next) !== JSON.stringify(this.state);
    this.state = next;
    if (changed) for (const listener of this.listeners) listener(next);
  }
}

import { readFile } from 'node:fs/promises';
import type {
  ConnectClientId,
  ConnectOutcome,
  ConnectScope,
  KeyWay,
} from '../../../src-shared/connect-view.ts';
import { InputError } from '../app-error.ts';
import { clientSpec, type ClientSpec, type Reach } from './client-catalog.ts';
import { entryWay, readEntry, withEntry, withoutEntry } from './client-entry-edit.ts';
import { backUp, readClientFile, replaceClientFile, sha256 } from './client-file-io.ts';
import { clientFile, type ClientPlace } from './client-files.ts';
import { chooseKey, type ChosenKey, type ConnectKeys } from './connect-key.ts';
import { checkNewReach, clientEnvironment } from './connection-check.ts';
import { backupsDir, connectionsFile, type Connection, type ConnectionsFile } from './connections-file.ts';
import { fileDiff } from './file-diff.ts';

export interface ConnectorDeps {
  dataDir: string;
  place: ClientPlace;
  /** Opened when first needed: listing clients never touches the keychain. */
  keys: () => ConnectKeys;
  /** The local MCP endpoint. */
  url: string;
  /** The bridge's command and arguments, without `--key`. */
  bridge: { command: string; args: string[] };
  now: () => number;
  warn: (message: string) => void;
}

export interface ConnectRequest {
  client: ConnectClientId;
  scope?: ConnectScope | undefined;
  key?: string | undefined;
  way?: KeyWay | undefined;
  dryRun?: boolean | undefined;
  /** The id a new key gets (the one a preview showed). */
  newKeyId?: string | undefined;
  /** Whether to reach MCP Tray the client's way after writing (on unless said). */
  check?: boolean | undefined;
}

/**
 * Writes MCP Tray's entry into a client's config and takes it out again: a diff first, the file checked to
 * change in MCP Tray's entry only, a backup of it as it was, and a record in the data folder so that Undo
 * restores it (or, when the client changed it since, removes only MCP Tray's entry).
 */
export class ClientConnector {
  readonly records: ConnectionsFile;
  private readonly deps: ConnectorDeps;

  constructor(deps: ConnectorDeps) {
    this.deps = deps;
    this.records = connectionsFile(deps.dataDir, deps.now, deps.warn);
  }

  fileOf(spec: ClientSpec, scope: ConnectScope): string {
    const file = clientFile(spec.id, scope, this.deps.place);
    if (file === undefined)
      throw new InputError(
        'usage',
        `${spec.title} has no ${scope} config; use --scope ${spec.scopes.join(' or ')}.`,
        { field: 'scope' },
      );
    return file;
  }

  private reach(key: ChosenKey, secret: string | undefined): Reach {
    return {
      url: this.deps.url,
      bridge: { command: this.deps.bridge.command, args: [...this.deps.bridge.args, '--key', key.id] },
      ...(secret !== undefined && { key: secret }),
      platform: this.deps.place.platform,
    };
  }

  async connect(request: ConnectRequest): Promise<ConnectOutcome> {
    const spec = clientSpec(request.client);
    const scope = request.scope ?? 'user';
    const way = request.way ?? spec.ways[0]!;
    if (!spec.ways.includes(way))
      throw new InputError(
        'usage',
        `${spec.title} cannot take the key as "${way}"; it takes ${spec.ways.join(', ')}.`,
        {
          field: 'way',
        },
      );
    const file = this.fileOf(spec, scope);
    const before = await readClientFile(file);
    // A file that cannot be read is refused before any key is made.
    const existing = entryWay(readEntry(spec, before ?? '', file));
    const previous = (await this.records.read()).connections.find((c) => c.file === file);
    const dryRun = request.dryRun === true;
    const keys = this.deps.keys();
    const key = await chooseKey(
      keys,
      spec,
      request.key,
      [previous?.keyId, existing.keyId],
      dryRun,
      request.newKeyId,
    );
    // A key a dry run would make has no secret yet; a preview shows a stand-in, masked like a real one.
    const secret =
      way === 'bridge' ? undefined : dryRun && key.created ? '<the new key>' : await keys.reveal(key.id);
    const reach = this.reach(key, secret);
    const after = withEntry(spec, before ?? '', file, spec.entry(way, reach), way);
    const changed = before === null || after !== before;
    const outcome: ConnectOutcome = {
      client: spec.id,
      title: spec.title,
      scope,
      file,
      way,
      changed,
      diff: changed ? fileDiff(file, before, after, secret === undefined ? [] : [secret]) : '',
      key: { ...key },
      next: this.next(spec, way, key, changed),
      dryRun,
    };
    if (dryRun) return outcome;
    try {
      // Recorded when written, and when a key was made for an entry already there (VS Code's, which names no
      // key), so that Undo knows the key; Undo always takes MCP Tray's entry out of what it restores.
      if (changed || key.created) {
        const untouched = previous !== undefined && before !== null && sha256(before) === previous.written;
        const backup = untouched
          ? previous.backup
          : before === null
            ? null
            : await backUp(
                file,
                backupsDir(this.deps.dataDir),
                `${spec.id}-${scope}`,
                new Date(this.deps.now()),
              );
        if (changed) {
          if (backup !== null) outcome.backup = backup;
          await replaceClientFile(file, before, after);
        }
        await this.remember({
          client: spec.id,
          scope,
          file,
          way,
          keyId: key.id,
          keyCreated: key.created || (previous?.keyId === key.id && previous.keyCreated),
          backup,
          written: sha256(after),
          at: new Date(this.deps.now()).toISOString(),
        });
      }
    } catch (error) {
      // A key made for a write that did not happen would only be clutter.
      if (key.created) await keys.revoke(key.id).catch(() => {});
      throw error;
    }
    if (request.check !== false) {
      const forwarded = (spec.entry(way, reach) as { env_vars?: string[] }).env_vars ?? [];
      outcome.check = await checkNewReach(
        way,
        reach,
        clientEnvironment(spec.id, this.deps.place.env, forwarded),
        key.created ? 3_000 : 0,
      );
    }
    return outcome;
  }

  private next(spec: ClientSpec, way: KeyWay, key: ChosenKey, changed: boolean): string[] {
    const steps = [spec.note];
    if (way === 'prompt')
      steps.push(
        `When VS Code asks for the key, paste the key "${key.name}" (mcp-tray keys reveal ${key.id}).`,
      );
    if (way === 'in-file') steps.push(`The file now holds the key "${key.name}": keep it private.`);
    if (!changed) steps.unshift(`${spec.title} already had this entry: nothing was changed.`);
    if (spec.checkCommand !== undefined) steps.push(`Check from a terminal: ${spec.checkCommand}`);
    return steps;
  }

  private async remember(connection: Connection): Promise<void> {
    await this.records.change((value) => {
      value.connections = [...value.connections.filter((c) => c.file !== connection.file), connection];
    });
  }

  /**
   * Takes MCP Tray's entry out of the client's file: the backup restored when nothing else changed the file
   * since MCP Tray wrote it, else only MCP Tray's entry removed. A key MCP Tray made for it is revoked.
   */
  async disconnect(request: {
    client: ConnectClientId;
    scope?: ConnectScope | undefined;
    dryRun?: boolean | undefined;
  }): Promise<ConnectOutcome & { revoked?: string }> {
    const spec = clientSpec(request.client);
    const scope = request.scope ?? 'user';
    const file = this.fileOf(spec, scope);
    const before = await readClientFile(file);
    const found = entryWay(readEntry(spec, before ?? '', file));
    const record = (await this.records.read()).connections.find((c) => c.file === file);
    let after: string | null = before === null ? null : withoutEntry(spec, before, file);
    if (before !== null && record !== undefined && sha256(before) === record.written) {
      const restored =
        record.backup === null ? null : await readFile(record.backup, 'utf8').catch(() => undefined);
      if (restored !== undefined) after = restored === null ? null : withoutEntry(spec, restored, file);
    }
    const changed = after !== before;
    const outcome: ConnectOutcome & { revoked?: string } = {
      client: spec.id,
      title: spec.title,
      scope,
      file,
      way: record?.way ?? (found.way === 'other' ? 'bridge' : found.way),
      changed,
      diff: changed ? fileDiff(file, before, after, []) : '',
      next: changed ? [] : [`${file} holds no MCP Tray entry: nothing was changed.`],
      dryRun: request.dryRun === true,
    };
    if (outcome.dryRun) return outcome;
    if (changed && before !== null) {
      outcome.backup = await backUp(
        file,
        backupsDir(this.deps.dataDir),
        `${spec.id}-${scope}-removed`,
        new Date(this.deps.now()),
      );
      await replaceClientFile(file, before, after);
    }
    const left = await this.records.change((value) => {
      value.connections = value.connections.filter((c) => c.file !== file);
      return value.connections;
    });
    if (record?.keyCreated === true && !left.some((c) => c.keyId === record.keyId)) {
      await this.deps.keys().revoke(record.keyId);
      outcome.revoked = record.keyId;
    }
    return outcome;
  }
}

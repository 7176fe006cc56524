import { watch, type FSWatcher } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToServing } from 'node:timers/promises';
import type { FolderView } from '../../../src-shared/folder-view.ts';
import type { Logger } from '../logger.ts';
import { documentText } from './document-text.ts';
import { walkFolder, type FoundFile } from './folder-walk.ts';
import type { FolderEntry } from './folders-file.ts';
import { fileId, type SearchIndex } from './search-index.ts';

/** Text kept in the index per file; `fetch` reads the file itself, with its own cap. */
const INDEXED_TEXT_CHARS = 2_000_000;
/** Changes on disk are gathered this long before the folder is looked at again. */
const SETTLE_MS = 400;
/** A folder that cannot be watched (too many watches) is looked at this often instead. */
const POLL_MS = 30_000;
const BATCH = 100;
const MAX_ERRORS = 20;

interface Watched {
  entry: FolderEntry;
  view: FolderView;
  watcher?: FSWatcher;
  poll?: NodeJS.Timeout;
  settle?: NodeJS.Timeout;
  scanning?: Promise<void>;
  again: boolean;
  closed: boolean;
}

export interface FolderIndexerDeps {
  index: SearchIndex;
  /** Never indexed, wherever it is (the data folder: keys, logs). */
  dataDir: string;
  maxFileBytes: () => number;
  now: () => number;
  logger: Logger;
  /** Told when a folder's state, counts or progress change. */
  onChange: () => void;
}

/**
 * Keeps the index in step with the chosen folders: a first indexing (and one at every start, which reads
 * only what changed while MCP Tray was stopped) in small batches that leave the server free to answer, then
 * the folder watched: what changes on disk is searchable (or gone) within seconds.
 */
export class FolderIndexer {
  private readonly deps: FolderIndexerDeps;
  private readonly folders = new Map<string, Watched>();

  constructor(deps: FolderIndexerDeps) {
    this.deps = deps;
  }

  views(): FolderView[] {
    return [...this.folders.values()].map((folder) => ({ ...folder.view }));
  }

  names(): string[] {
    return [...this.folders.keys()];
  }

  entry(name: string): FolderEntry | undefined {
    return this.folders.get(name)?.entry;
  }

  /** Follows folders.json: new folders are indexed and watched, removed ones forgotten (index rows too). */
  setFolders(entries: readonly FolderEntry[]): void {
    const wanted = new Map(entries.map((entry) => [entry.name, entry]));
    for (const [name, folder] of this.folders)
      if (wanted.get(name)?.path !== folder.entry.path) {
        this.stop(folder);
        this.folders.delete(name);
        this.deps.index.dropFolder(name);
      }
    for (const entry of entries) if (!this.folders.has(entry.name)) this.startFolder(entry);
    this.deps.onChange();
  }

  /** Reads a folder again from the start (every file, not only the changed ones). */
  async reindex(name: string): Promise<void> {
    const folder = this.folders.get(name);
    if (folder === undefined) return;
    this.deps.index.dropFolder(name);
    await this.scan(folder);
  }

  /** Looks at every folder again (the size cap changed: files come in or go out). */
  rescanAll(): void {
    for (const folder of this.folders.values()) this.changed(folder);
  }

  /** Resolves once every folder has been read (the CLI's reindex, tests). */
  async settled(): Promise<void> {
    for (const folder of this.folders.values()) while (folder.scanning !== undefined) await folder.scanning;
  }

  /** Stops watching; resolves once every pass in progress has finished its batch (then none writes). */
  async close(): Promise<void> {
    const running = [...this.folders.values()].map((folder) => {
      this.stop(folder);
      return folder.scanning;
    });
    this.folders.clear();
    await Promise.all(running);
  }

  private startFolder(entry: FolderEntry): void {
    const saved = this.deps.index.savedState(entry.name);
    const view: FolderView = {
      name: entry.name,
      path: entry.path,
      ...this.deps.index.folderStats(entry.name),
      lastIndexed: typeof saved?.['lastIndexed'] === 'string' ? saved['lastIndexed'] : null,
      state: 'indexing',
      errors: [],
      skippedLarge: 0,
    };
    const folder: Watched = { entry, view, again: false, closed: false };
    this.folders.set(entry.name, folder);
    try {
      folder.watcher = watch(entry.path, { recursive: true, persistent: false }, () => this.changed(folder));
      folder.watcher.on('error', (error) => this.poll(folder, error));
    } catch (error) {
      this.poll(folder, error as Error);
    }
    void this.scan(folder);
  }

  private poll(folder: Watched, why: Error): void {
    this.deps.logger.warn(
      `${folder.entry.path} cannot be watched (${why.message}); it is looked at every ${POLL_MS / 1000} s instead.`,
    );
    folder.watcher?.close();
    folder.watcher = undefined;
    if (folder.poll === undefined && !folder.closed)
      folder.poll = setInterval(() => this.changed(folder), POLL_MS).unref();
  }

  private changed(folder: Watched): void {
    clearTimeout(folder.settle);
    folder.settle = setTimeout(() => void this.scan(folder), SETTLE_MS);
  }

  private stop(folder: Watched): void {
    folder.closed = true;
    folder.watcher?.close();
    clearInterval(folder.poll);
    clearTimeout(folder.settle);
  }

  /** One pass over the folder; a change during it makes another pass follow. */
  private scan(folder: Watched): Promise<void> {
    if (folder.scanning !== undefined) {
      folder.again = true;
      return folder.scanning;
    }
    folder.scanning = this.pass(folder)
      .catch((error: Error) => {
        folder.view.state = 'error';
        folder.view.errors = [`the folder could not be read: ${error.message}`];
      })
      .finally(() => {
        folder.scanning = undefined;
        this.report(folder);
        if (folder.again && !folder.closed) {
          folder.again = false;
          void this.scan(folder);
        }
      });
    return folder.scanning;
  }

  /** Says what changed, and keeps the folder's state in the index for `folders list`. */
  private report(folder: Watched): void {
    if (!folder.closed) this.deps.index.saveState(folder.entry.name, { ...folder.view });
    this.deps.onChange();
  }

  private async pass(folder: Watched): Promise<void> {
    const { index } = this.deps;
    const { view, entry } = folder;
    const root = await realpath(entry.path).catch(() => undefined);
    if (root === undefined) {
      view.state = 'missing';
      return;
    }
    const dataDir = await realpath(this.deps.dataDir).catch(() => this.deps.dataDir);
    const walked = await walkFolder(root, { maxFileBytes: this.deps.maxFileBytes(), exclude: [dataDir] });
    if (folder.closed) return;
    const known = index.folderFiles(entry.name);
    const stale = walked.files.filter((file) => {
      const had = known.get(file.rel);
      return had === undefined || had.size !== file.size || had.mtimeMs !== file.mtimeMs;
    });
    const present = new Set(walked.files.map((file) => file.rel));
    index.batch(() => {
      for (const rel of known.keys()) if (!present.has(rel)) index.remove(fileId(entry.name, rel));
    });
    const errors = [...walked.errors];
    view.state = 'indexing';
    view.progress = { done: 0, total: stale.length };
    view.skippedLarge = walked.skippedLarge;
    this.report(folder);
    for (let start = 0; start < stale.length && !folder.closed; start += BATCH) {
      const texts = await this.read(root, entry.name, stale.slice(start, start + BATCH), errors);
      // Removed (or the server stopping) while this batch was read: nothing of it is written.
      if (folder.closed) return;
      index.batch(() => {
        for (const { file, text } of texts) index.put(file, text);
      });
      view.progress = { done: Math.min(start + BATCH, stale.length), total: stale.length };
      Object.assign(view, index.folderStats(entry.name));
      this.report(folder);
      await yieldToServing();
    }
    delete view.progress;
    Object.assign(view, index.folderStats(entry.name));
    view.errors = errors.slice(0, MAX_ERRORS);
    view.state = 'ready';
    view.lastIndexed = new Date(this.deps.now()).toISOString();
  }

  private async read(root: string, folder: string, files: readonly FoundFile[], errors: string[]) {
    const texts = [];
    for (const file of files) {
      try {
        const doc = await documentText(join(root, file.rel), file.rel);
        if (doc === undefined) continue;
        texts.push({
          file: {
            id: fileId(folder, file.rel),
            folder,
            rel: file.rel,
            title: doc.title,
            type: doc.type,
            size: file.size,
            mtimeMs: file.mtimeMs,
          },
          text: doc.text.slice(0, INDEXED_TEXT_CHARS),
        });
      } catch (error) {
        if (errors.length < MAX_ERRORS) errors.push(`${file.rel}: ${(error as Error).message.slice(0, 200)}`);
      }
    }
    return texts;
  }
}

import type { FoldersView } from '../../../src-shared/folder-view.ts';
import { FolderIndexer } from '../folders/folder-indexer.ts';
import { FolderTools } from '../folders/folder-tools.ts';
import { DEFAULT_MAX_FILE_BYTES, FoldersFile } from '../folders/folders-file.ts';
import { SearchIndex } from '../folders/search-index.ts';
import { watchFileChanges } from '../fs/file-watch.ts';
import type { Logger } from '../logger.ts';
import type { ServerModule } from './server-module.ts';

export { filePath, filesRoute } from '../folders/files-route.ts';
export { foldersHandlers } from '../folders/folders-handlers.ts';

export interface FoldersModule extends ServerModule {
  readonly tools: FolderTools;
  readonly indexer: FolderIndexer;
  readonly file: FoldersFile;
  readonly index: SearchIndex;
  /** Reads folders.json again now (after the dashboard changed it). */
  reload(): Promise<void>;
  /** The Folders screen as things stand, from memory (folders.json as last read, the indexer's state). */
  view(): FoldersView;
  /** Calls `listener` when a folder's state, counts or progress change. */
  onChange(listener: (view: FoldersView) => void): void;
}

/**
 * The folders `search` and `fetch` reach: their index (kept in the data folder), the indexer that follows
 * the disk, and folders.json followed while the server runs. Serving never waits for an indexing.
 */
export async function startFolders(deps: {
  dataDir: string;
  logger: Logger;
  now: () => number;
  fileUrl: (id: string) => string;
}): Promise<FoldersModule> {
  const index = new SearchIndex(deps.dataDir);
  const file = new FoldersFile(deps.dataDir, deps.now);
  const listeners: ((view: FoldersView) => void)[] = [];
  let maxFileBytes = DEFAULT_MAX_FILE_BYTES;
  let problem: string | undefined;
  let loaded = false;
  const view = (): FoldersView => ({
    folders: indexer.views(),
    maxFileBytes,
    ...(problem !== undefined && { problem }),
  });
  // The tools follow the indexer, which exists first.
  const ref: { tools?: FolderTools } = {};
  const indexer = new FolderIndexer({
    index,
    dataDir: deps.dataDir,
    maxFileBytes: () => maxFileBytes,
    now: deps.now,
    logger: deps.logger,
    onChange: () => {
      ref.tools?.foldersChanged();
      // Every batch of an indexing says how far it is: from memory, never a read of folders.json.
      for (const listener of listeners) listener(view());
    },
  });
  const tools = new FolderTools({ indexer, index, fileUrl: deps.fileUrl });
  ref.tools = tools;
  const load = async () => {
    const read = await file.read();
    problem = read.problem;
    if (problem !== undefined)
      deps.logger.warn(`${problem}; no folder is searched until it is fixed or set again.`);
    const cap = read.settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const capChanged = loaded && cap !== maxFileBytes;
    maxFileBytes = cap;
    loaded = true;
    indexer.setFolders(read.settings.folders);
    if (capChanged) indexer.rescanAll();
  };
  await load();
  const unwatch = watchFileChanges(file.path, () => void load());
  return {
    name: 'folders',
    tools,
    indexer,
    file,
    index,
    reload: load,
    view,
    onChange: (listener) => void listeners.push(listener),
    close: async () => {
      unwatch();
      await indexer.close();
      index.close();
    },
  };
}

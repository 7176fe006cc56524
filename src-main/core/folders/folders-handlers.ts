import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { FoldersView } from '../../../src-shared/folder-view.ts';
import { InputError } from '../app-error.ts';
import type { ChannelsOf, HandlerSlice } from '../contract-handlers.ts';
import type { FolderIndexer } from './folder-indexer.ts';
import { addFolder, removeFolder } from './folders-admin.ts';
import type { FoldersFile } from './folders-file.ts';

export interface FoldersHandlersDeps {
  file: FoldersFile;
  indexer: FolderIndexer;
  dataDir: string;
  now: () => number;
  /** folders.json changed: the running server follows it at once (not only at its next look). */
  reload: () => Promise<void>;
  /** The screen as things stand (folders.json as last read, the indexer's state). */
  view: () => FoldersView;
  /** The system's folder picker (the desktop app's); absent on the web door. */
  pickFolder?: () => Promise<string | undefined>;
}

/** The Folders screen: add (a path, or the desktop app's picker), remove, reindex, and the size cap. */
export function foldersHandlers(deps: FoldersHandlersDeps): HandlerSlice<ChannelsOf<'folders'>> {
  const view = async (): Promise<FoldersView> => deps.view();
  const changed = async () => {
    await deps.reload();
    return view();
  };
  return {
    'folders.list': view,
    'folders.add': async ({ path, name }) => {
      const full = path.startsWith('~/') || path === '~' ? join(homedir(), path.slice(1)) : path;
      if (!isAbsolute(full))
        throw new InputError(
          'invalid_folder',
          `Give the folder's full path (such as ${join(homedir(), 'Documents')}).`,
          {
            field: 'path',
          },
        );
      await addFolder(
        deps.file,
        { path: full, name },
        { dataDir: deps.dataDir, cwd: homedir(), now: deps.now },
      );
      return changed();
    },
    'folders.remove': async ({ name }) => {
      await removeFolder(deps.file, name);
      return changed();
    },
    'folders.reindex': async ({ name }) => {
      const names = name === undefined ? deps.indexer.names() : [name];
      for (const each of names) void deps.indexer.reindex(each);
      return view();
    },
    'folders.settings': async ({ maxFileMegabytes }) => {
      await deps.file.update((settings) => {
        settings.maxFileBytes = Math.round(maxFileMegabytes * 1024 * 1024);
      });
      return changed();
    },
    'folders.pick': async () => {
      if (deps.pickFolder === undefined)
        throw new InputError(
          'desktop_only',
          'The folder picker is in the desktop app; here, type the folder’s full path.',
        );
      return { path: (await deps.pickFolder()) ?? null };
    },
  };
}

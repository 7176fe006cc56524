import { parseArgs } from 'node:util';
import type { FolderView } from '../../src-shared/folder-view.ts';
import { InputError } from '../core/app-error.ts';
import { FolderIndexer } from '../core/folders/folder-indexer.ts';
import { addFolder, removeFolder } from '../core/folders/folders-admin.ts';
import { DEFAULT_MAX_FILE_BYTES, FoldersFile } from '../core/folders/folders-file.ts';
import { SearchIndex } from '../core/folders/search-index.ts';
import { prepareDataDir } from '../core/server/keys-module.ts';
import { resolveDataDir } from '../core/server/server-config.ts';
import type { CommandIo } from './command-io.ts';
import { describeFolders, FOLDERS_HELP, progressLine } from './folders-output.ts';

/** Every folder as the index last saw it (a running server keeps it current). */
function listing(
  settings: Awaited<ReturnType<FoldersFile['read']>>['settings'],
  index: SearchIndex,
): FolderView[] {
  return settings.folders.map((entry) => {
    const saved = index.savedState(entry.name) as Partial<FolderView> | undefined;
    return {
      name: entry.name,
      path: entry.path,
      lastIndexed: saved?.lastIndexed ?? null,
      state: saved?.state ?? 'indexing',
      errors: saved?.errors ?? [],
      skippedLarge: saved?.skippedLarge ?? 0,
      ...(saved?.progress !== undefined && { progress: saved.progress }),
      ...index.folderStats(entry.name),
    };
  });
}

/** `mcp-tray folders add|list|remove|reindex`: the folders `search` and `fetch` reach. */
export async function foldersCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  const [action, target, ...extra] = positionals;
  if (values.help || action === undefined || action === 'help') {
    io.stdout(FOLDERS_HELP);
    return 0;
  }
  if (extra.length > 0) throw new InputError('usage', `Unexpected "${extra.join(' ')}". ${FOLDERS_HELP}`);
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  await prepareDataDir(dataDir);
  const file = new FoldersFile(dataDir);
  switch (action) {
    case 'add': {
      if (target === undefined)
        throw new InputError('usage', 'Give the folder: mcp-tray folders add PATH [--name N]');
      const entry = await addFolder(
        file,
        { path: target, name: values.name },
        { dataDir, cwd: process.cwd(), now: Date.now },
      );
      io.stdout(
        values.json
          ? `${JSON.stringify(entry)}\n`
          : `Added "${entry.name}" (${entry.path}). A running MCP Tray indexes it now; search and fetch reach it.\n`,
      );
      return 0;
    }
    case 'remove': {
      if (target === undefined) throw new InputError('usage', 'Give its name: mcp-tray folders remove NAME');
      const entry = await removeFolder(file, target);
      io.stdout(`Removed "${entry.name}" (${entry.path}); its files are no longer searched.\n`);
      return 0;
    }
    case 'list': {
      const index = new SearchIndex(dataDir);
      try {
        const views = listing((await file.read()).settings, index);
        io.stdout(values.json ? `${JSON.stringify(views, null, 2)}\n` : describeFolders(views));
      } finally {
        index.close();
      }
      return 0;
    }
    case 'reindex':
      return reindex(dataDir, file, target, io);
    default:
      throw new InputError('usage', `Unknown folders command "${action}". ${FOLDERS_HELP}`);
  }
}

/** Reads the folders again from the start, with progress (a bar on a terminal, lines otherwise). */
async function reindex(dataDir: string, file: FoldersFile, name: string | undefined, io: CommandIo) {
  const { settings } = await file.read();
  const chosen = settings.folders.filter((entry) => name === undefined || entry.name === name);
  if (name !== undefined && chosen.length === 0)
    throw new InputError('usage', `No folder is named "${name}"; "mcp-tray folders list" shows their names.`);
  const index = new SearchIndex(dataDir);
  const terminal = process.stdout.isTTY === true;
  let last = '';
  const indexer = new FolderIndexer({
    index,
    dataDir,
    maxFileBytes: () => settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    now: Date.now,
    logger: io.logger,
    onChange: () => {
      for (const view of indexer.views()) {
        if (view.progress === undefined && view.state === 'indexing') continue;
        const line = progressLine(view, terminal);
        if (line === last) continue;
        last = line;
        io.stdout(terminal ? `\r${line}` : `${line}\n`);
      }
    },
  });
  try {
    // From the start: what the index had of them goes first, then one pass reads every file.
    for (const entry of chosen) index.dropFolder(entry.name);
    indexer.setFolders(chosen);
    await indexer.settled();
    if (terminal) io.stdout('\n');
    io.stdout(describeFolders(indexer.views()));
    return indexer.views().some((view) => view.state !== 'ready') ? 1 : 0;
  } finally {
    await indexer.close();
    index.close();
  }
}

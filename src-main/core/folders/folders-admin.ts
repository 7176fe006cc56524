import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { FOLDER_NAME } from '../../../src-shared/folder-view.ts';
import { InputError, NotFoundError } from '../app-error.ts';
import { isInside } from './folder-walk.ts';
import type { FolderEntry, FoldersFile } from './folders-file.ts';

/** A name from a folder's own name: what a name may hold, short, and not one taken already. */
function nameFor(path: string, taken: ReadonlySet<string>): string {
  const base =
    basename(path)
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'folder';
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
  return name;
}

/**
 * Adds a folder for `search` and `fetch`: it must exist and be a folder, not be inside MCP Tray's data
 * folder, and not be added already; its name (given, or made from the folder's own) must be free.
 */
export async function addFolder(
  file: FoldersFile,
  input: { path: string; name?: string | undefined },
  context: { dataDir: string; cwd: string; now: () => number },
): Promise<FolderEntry> {
  const path = isAbsolute(input.path) ? input.path : resolve(context.cwd, input.path);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined)
    throw new NotFoundError('folder_not_found', `There is no folder at ${path}; check the path.`, {
      field: 'path',
    });
  if (!info.isDirectory())
    throw new InputError('not_a_folder', `${path} is a file, not a folder; give the folder that holds it.`, {
      field: 'path',
    });
  const real = await realpath(path);
  const dataDir = await realpath(context.dataDir).catch(() => context.dataDir);
  if (isInside(dataDir, real))
    throw new InputError(
      'invalid_folder',
      `${path} is inside MCP Tray's own data folder, which is never searched.`,
      {
        field: 'path',
      },
    );
  if (input.name !== undefined && !FOLDER_NAME.test(input.name))
    throw new InputError(
      'invalid_folder_name',
      `"${input.name}" cannot name a folder: use 1 to 40 letters, digits, - or _.`,
      { field: 'name' },
    );
  return file.update(async (settings) => {
    const taken = new Set(settings.folders.map((folder) => folder.name));
    for (const folder of settings.folders) {
      if ((await realpath(folder.path).catch(() => folder.path)) === real)
        throw new InputError('folder_exists', `${path} is already searched, as "${folder.name}".`, {
          field: 'path',
        });
    }
    if (input.name !== undefined && taken.has(input.name))
      throw new InputError('folder_exists', `A folder is already named "${input.name}"; pick another name.`, {
        field: 'name',
      });
    const entry: FolderEntry = {
      name: input.name ?? nameFor(real, taken),
      path: real,
      addedAt: new Date(context.now()).toISOString(),
    };
    settings.folders.push(entry);
    return entry;
  });
}

export async function removeFolder(file: FoldersFile, name: string): Promise<FolderEntry> {
  return file.update((settings) => {
    const at = settings.folders.findIndex((folder) => folder.name === name);
    const found = settings.folders[at];
    if (found === undefined)
      throw new NotFoundError(
        'folder_not_found',
        `No folder is named "${name}"; "mcp-tray folders list" shows their names.`,
        { field: 'name' },
      );
    settings.folders.splice(at, 1);
    return found;
  });
}

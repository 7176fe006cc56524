import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderIndexer } from './folder-indexer.ts';
import { isInside } from './folder-walk.ts';
import type { IndexedFile, SearchIndex } from './search-index.ts';

/** A path inside a folder as ids have it: parts joined by `/`, none empty, `.` or `..`, no `\`, NUL or drive. */
function safeRelative(rel: string): boolean {
  if (rel === '' || rel.includes('\\') || rel.includes('\0') || /^[A-Za-z]:/.test(rel)) return false;
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * The file an id names, if the caller may read it: the id is `<folder>/<path>` of a folder it reaches, the
 * path keeps to the folder as written (no `..`, absolute or Windows forms) and on disk (its real path,
 * through any link, is inside the folder's), and the file is in the index (so neither ignored nor over the
 * cap). Every refusal says the same thing, so an id cannot probe what exists outside.
 */
export async function resolveFileId(
  id: string,
  reachable: readonly string[],
  deps: { indexer: FolderIndexer; index: SearchIndex },
): Promise<{ file: IndexedFile; path: string } | { problem: string }> {
  const problem = {
    problem: `No document has the id "${id.slice(0, 300)}" in the folders this key may read; use an id from search.`,
  };
  const slash = id.indexOf('/');
  const folder = id.slice(0, slash);
  const rel = id.slice(slash + 1);
  if (slash <= 0 || !reachable.includes(folder) || !safeRelative(rel)) return problem;
  const entry = deps.indexer.entry(folder);
  const file = deps.index.file(id);
  if (entry === undefined || file === undefined) return problem;
  const root = await realpath(entry.path).catch(() => undefined);
  const real = root === undefined ? undefined : await realpath(join(root, rel)).catch(() => undefined);
  if (root === undefined || real === undefined || !isInside(root, real)) return problem;
  const info = await stat(real).catch(() => undefined);
  if (info === undefined || !info.isFile()) return problem;
  return { file, path: real };
}

import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { IgnoreRules } from './ignore-rules.ts';

export interface FoundFile {
  /** Relative to the folder, with `/` between parts (the id's path). */
  rel: string;
  size: number;
  mtimeMs: number;
}

export interface WalkReport {
  files: FoundFile[];
  /** Files over the size cap, left out. */
  skippedLarge: number;
  /** What could not be read, by path, with why. */
  errors: string[];
}

/** More than this many files in one folder is more than a person's notes: the rest are left out, and said. */
export const MAX_FILES = 200_000;

/** Whether `path` is `root` or inside it (both real paths). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/**
 * Every file of a folder that may be indexed: what its `.gitignore` and `.mcpignore` files (nested ones
 * too) and the built-in exclusions leave in, at most `maxFileBytes` each. Symbolic links are followed only
 * when their real path stays inside the folder (and a directory is visited once, so a loop ends); nothing
 * under `exclude` (the data folder) is ever listed.
 */
export async function walkFolder(
  root: string,
  options: { maxFileBytes: number; exclude?: readonly string[] },
): Promise<WalkReport> {
  const realRoot = await realpath(root);
  const report: WalkReport = { files: [], skippedLarge: 0, errors: [] };
  const visited = new Set<string>();
  const excluded = (real: string) => (options.exclude ?? []).some((path) => isInside(path, real));

  const visit = async (dir: string, rules: IgnoreRules): Promise<void> => {
    const real = await realpath(join(realRoot, dir)).catch(() => undefined);
    if (real === undefined || visited.has(real) || !isInside(realRoot, real) || excluded(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(join(realRoot, dir), { withFileTypes: true });
    } catch (error) {
      report.errors.push(`${dir || '.'}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      return;
    }
    const inner = await rules.enter(realRoot, dir);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (report.files.length >= MAX_FILES) return;
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      const abs = join(realRoot, rel);
      let isDir = entry.isDirectory();
      let info = entry.isFile() ? await lstat(abs).catch(() => undefined) : undefined;
      if (entry.isSymbolicLink()) {
        const target = await realpath(abs).catch(() => undefined);
        if (target === undefined || !isInside(realRoot, target) || excluded(target)) continue;
        const targetInfo = await stat(target).catch(() => undefined);
        if (targetInfo === undefined) continue;
        isDir = targetInfo.isDirectory();
        info = targetInfo.isFile() ? targetInfo : undefined;
      }
      if (inner.ignores(rel, isDir)) continue;
      if (isDir) await visit(rel, inner);
      else if (info !== undefined) {
        if (info.size > options.maxFileBytes) report.skippedLarge += 1;
        else report.files.push({ rel, size: info.size, mtimeMs: info.mtimeMs });
      }
    }
  };
  await visit('', IgnoreRules.root());
  if (report.files.length >= MAX_FILES)
    report.errors.push(`more than ${MAX_FILES} files: the rest are left out (add a .mcpignore to narrow it)`);
  return report;
}

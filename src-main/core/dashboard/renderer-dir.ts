import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built renderer (`dist/renderer`), found by walking up to the folder that holds it (src or dist). */
export function rendererDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'dist', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (existsSync(join(dir, 'renderer', 'index.html'))) return join(dir, 'renderer');
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'renderer');
    dir = parent;
  }
}

import ignore, { type Ignore } from 'ignore';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Never read, whatever a folder's own ignore files say: version control and dependency folders, caches, and
 * the places secrets live (keys, credentials, .env files), so a chosen home folder does not hand them out.
 */
export const ALWAYS_IGNORED = [
  '.git/',
  '.hg/',
  '.svn/',
  'node_modules/',
  '__pycache__/',
  '.venv/',
  'venv/',
  '.tox/',
  '.cache/',
  '.DS_Store',
  '.ssh/',
  '.gnupg/',
  '.aws/',
  '.azure/',
  '.kube/',
  '.docker/',
  '.password-store/',
  '.env',
  '.env.*',
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  'id_rsa*',
  'id_ecdsa*',
  'id_ed25519*',
  '.netrc',
  '.npmrc',
  '.pypirc',
  '.git-credentials',
  // The ignore files themselves are settings, not documents.
  '.gitignore',
  '.mcpignore',
];

/** The files whose rules a folder brings, in each directory (the `.gitignore` syntax for both). */
const IGNORE_FILES = ['.gitignore', '.mcpignore'];

interface Layer {
  /** The directory the rules belong to, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

/** Every ignore layer that applies in a directory: the built-in one, then each directory's own, outermost first. */
export class IgnoreRules {
  private readonly layers: readonly Layer[];

  private constructor(layers: readonly Layer[]) {
    this.layers = layers;
  }

  static root(): IgnoreRules {
    return new IgnoreRules([{ base: '', rules: ignore().add(ALWAYS_IGNORED) }]);
  }

  /** The rules inside `dir` (relative to the root): these, and its own ignore files if it has any. */
  async enter(root: string, dir: string): Promise<IgnoreRules> {
    const own: string[] = [];
    for (const name of IGNORE_FILES) {
      const text = await readFile(join(root, dir, name), 'utf8').catch(() => undefined);
      if (text !== undefined) own.push(text);
    }
    if (own.length === 0) return this;
    return new IgnoreRules([...this.layers, { base: dir, rules: ignore().add(own.join('\n')) }]);
  }

  /** Whether `path` (relative to the root, with a trailing / for a directory) is left out. */
  ignores(path: string, directory: boolean): boolean {
    let ignored = false;
    for (const layer of this.layers) {
      const inner = layer.base === '' ? path : relative(layer.base, path).split(sep).join('/');
      if (inner.startsWith('..') || inner === '') continue;
      const result = layer.rules.test(directory ? `${inner}/` : inner);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|cts)$/.test(name) ? [path] : [];
  });
}

const files = ['src-main', 'src-shared', join('src-renderer', 'src')].flatMap((dir) =>
  sources(join(ROOT, dir)),
);

test('no source file is over 250 lines (one concept per file)', () => {
  assert.ok(files.length > 100, 'it read the source tree');
  const long = files
    .map((path) => ({
      file: relative(ROOT, path),
      lines: readFileSync(path, 'utf8').trimEnd().split('\n').length,
    }))
    .filter(({ lines }) => lines > 250);
  assert.deepEqual(long, []);
});

test('no source file imports 15 modules or more', () => {
  const wide = files
    .map((path) => ({
      file: relative(ROOT, path),
      imports: readFileSync(path, 'utf8').match(/^import\s/gm)?.length ?? 0,
    }))
    .filter(({ imports }) => imports >= 15);
  assert.deepEqual(wide, []);
});

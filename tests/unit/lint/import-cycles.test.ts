import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { cycles, folderGraph, importGraph } from '../../support/import-graph.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const graph = importGraph(ROOT, ['src-main', 'src-shared', 'src-renderer/src']);

/** A file's feature folder: `core/keys` for src-main/core/keys/..., else its top two path parts. */
function featureOf(file: string): string {
  const feature = /^src-main\/core\/([^/]+)\//.exec(file)?.[1];
  return feature === undefined ? file.split('/').slice(0, 2).join('/') : `core/${feature}`;
}

test('the detector finds a cycle when there is one', () => {
  const tangled = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
  ]);
  assert.deepEqual(cycles(tangled), [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  assert.ok(graph.size > 100, 'it read the source tree');
});

test('no file imports itself back through others', () => {
  assert.deepEqual(cycles(graph), []);
});

test('no feature folder imports itself back through others (the core root imports no feature)', () => {
  assert.deepEqual(cycles(folderGraph(graph, featureOf)), []);
});

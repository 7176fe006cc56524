import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FolderView } from '../../../../src-shared/folder-view.ts';
import type { FolderIndexer } from '../../../../src-main/core/folders/folder-indexer.ts';
import { FolderTools } from '../../../../src-main/core/folders/folder-tools.ts';
import { SearchIndex } from '../../../../src-main/core/folders/search-index.ts';

const caller = {
  keyId: 'k',
  keyName: 'k',
  userId: 'u',
  role: 'user',
  permissions: ['*'],
  source: 'stored' as const,
};
const context = { signal: new AbortController().signal, progress: () => {}, ask: async () => ({}) };

test('search during a first indexing answers from what is indexed so far, and says so', async () => {
  const index = new SearchIndex(':memory:');
  index.put(
    { id: 'notes/a.md', folder: 'notes', rel: 'a.md', title: 'A', type: 'markdown', size: 1, mtimeMs: 1 },
    'early bird',
  );
  const view: FolderView = {
    name: 'notes',
    path: '/n',
    files: 1,
    bytes: 1,
    lastIndexed: null,
    state: 'indexing',
    progress: { done: 1, total: 5000 },
    errors: [],
    skippedLarge: 0,
  };
  // The indexer as the tools see it: which folders there are, and how far each is.
  const indexer = { names: () => ['notes'], views: () => [view] } as unknown as FolderIndexer;
  const tools = new FolderTools({ indexer, index, fileUrl: (id) => `http://127.0.0.1:1/files/${id}` });
  tools.foldersChanged();
  const search = tools.tools().find((tool) => tool.name === 'search');
  const result = await search!.call({ query: 'early' }, caller, context);
  const body = result.structuredContent as { results: { id: string }[]; note?: string };
  assert.deepEqual(
    body.results.map((hit) => hit.id),
    ['notes/a.md'],
  );
  assert.match(body.note ?? '', /Still indexing notes \(1 of 5000 files\)/);
  delete view.progress;
  const done = (await search!.call({ query: 'early' }, caller, context)).structuredContent as {
    note?: string;
  };
  assert.equal(done.note, undefined, 'no note once it is all indexed');
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SearchIndex } from '../../../../src-main/core/folders/search-index.ts';

function filled(count: number): SearchIndex {
  const index = new SearchIndex(':memory:');
  index.batch(() => {
    for (let i = 0; i < count; i += 1) {
      const title = i === 77 ? 'Everywhere in the title' : `Note ${i}`;
      const body = `everywhere ${i % 10 === 0 ? 'decade' : 'plain'} text number ${i}${i === 5 ? ' unique-zebra' : ''}`;
      index.put(
        {
          id: `f/${i}.md`,
          folder: i < count / 2 ? 'f' : 'g',
          rel: `${i}.md`,
          title,
          type: 'markdown',
          size: 1,
          mtimeMs: 1,
        },
        body,
      );
    }
  });
  return index;
}

describe('the search index', () => {
  test('ranked by BM25: a rare word finds its document first, titles weigh more than text', () => {
    const index = filled(200);
    assert.deepEqual(
      index.search('unique-zebra', ['f', 'g'], 20).map((hit) => hit.id),
      ['f/5.md'],
    );
    const decade = index.search('decade', ['f', 'g'], 20, true);
    assert.equal(decade.length, 20);
    assert.ok(decade.every((hit) => /decade/.test(hit.snippet)));
  });

  test('a word in every document is answered without ranking, titles first, and kept to the folders asked', () => {
    const index = filled(200);
    const hits = index.search('everywhere', ['f', 'g'], 20, true);
    assert.equal(hits.length, 20);
    assert.equal(hits[0]?.id, 'f/77.md', 'the title match comes first');
    assert.equal(new Set(hits.map((hit) => hit.id)).size, 20, 'no duplicates');
    const onlyG = index.search('everywhere', ['g'], 20);
    assert.ok(onlyG.length === 20 && onlyG.every((hit) => Number(/\/(\d+)/.exec(hit.id)?.[1]) >= 100));
  });

  test('prefixes fill in after whole words; removing a file takes it out of every search', () => {
    const index = filled(200);
    assert.ok(index.search('decad', ['f', 'g'], 20).length > 0, 'a prefix');
    index.remove('f/5.md');
    assert.deepEqual(index.search('unique-zebra', ['f', 'g'], 20), []);
    assert.equal(index.folderStats('f').files, 99);
  });
});

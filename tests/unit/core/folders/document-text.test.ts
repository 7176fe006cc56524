import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { documentText, documentType } from '../../../../src-main/core/folders/document-text.ts';
import { decodeEntities, htmlText } from '../../../../src-main/core/folders/html-text.ts';
import { IgnoreRules } from '../../../../src-main/core/folders/ignore-rules.ts';
import { editDistance, fuzzyTerms, queryTerms } from '../../../../src-main/core/folders/search-terms.ts';

describe('what a folder’s files say', () => {
  test('HTML as text: no script, style or comment, entities decoded, the title found', () => {
    const page = htmlText(
      '<html><head><title>Caf&eacute; &amp; Co</title><style>p{}</style></head><body><!-- hidden -->' +
        '<script>var leaked = 1</script><h1>Menu</h1><p>Soup&nbsp;&#8211; 4&#x20AC;</p></body></html>',
    );
    assert.equal(page.title, 'Caf&eacute; & Co', 'unknown entity names stay as written');
    assert.equal(
      page.text.includes('leaked') || page.text.includes('hidden') || page.text.includes('p{}'),
      false,
    );
    assert.match(page.text, /Menu\s+Soup – 4€/);
    assert.equal(decodeEntities('&lt;b&gt; &#0; &#x110000;'), '<b> &#0; &#x110000;');
  });

  test('a file’s kind by its name; a binary under a text name is not read', async () => {
    assert.equal(documentType('a/notes.MD'), 'markdown');
    assert.equal(documentType('Makefile'), 'code');
    assert.equal(documentType('photo.JPG'), undefined);
    assert.equal(documentType('LICENSE'), 'text');
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-doc-'));
    writeFileSync(join(dir, 'fake.txt'), Buffer.from([0x41, 0x00, 0x42]));
    assert.equal(await documentText(join(dir, 'fake.txt'), 'fake.txt'), undefined);
    writeFileSync(join(dir, 'post.md'), '---\ntitle: "From the front matter"\n---\n# Heading\n');
    assert.equal((await documentText(join(dir, 'post.md'), 'post.md'))?.title, 'From the front matter');
  });

  test('query words: folded to lower case without accents, at most 12; typos one edit away', () => {
    assert.deepEqual(queryTerms('Café  CAFÉ, résumé? x-ray'), ['cafe', 'resume', 'x', 'ray']);
    assert.equal(queryTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')).length, 12);
    assert.equal(editDistance('tomatos', 'tomatoes', 1), 1);
    assert.equal(editDistance('garden', 'gardens', 1), 1);
    assert.equal(editDistance('garden', 'warden', 0), 1, 'stops early once past the limit');
    const vocabulary = ['tomato', 'tomatoes', 'tomb', 'torrent'];
    assert.deepEqual(
      fuzzyTerms(['tomatos', 'to'], (from, to) => vocabulary.filter((t) => t >= from && t < to)),
      ['tomato', 'tomatoes'],
    );
  });

  test('ignore rules: nested files add rules for their directory only; negation and secrets', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mcp-tray-ignore-'));
    writeFileSync(join(root, '.gitignore'), '*.tmp\n!keep.tmp\n');
    const top = await IgnoreRules.root().enter(root, '');
    assert.equal(top.ignores('a.tmp', false), true);
    assert.equal(top.ignores('keep.tmp', false), false);
    assert.equal(top.ignores('.env.production', false), true);
    assert.equal(top.ignores('node_modules', true), true);
    assert.equal(top.ignores('notes/id_rsa', false), true);
    assert.equal(top.ignores('notes/readme.md', false), false);
  });
});

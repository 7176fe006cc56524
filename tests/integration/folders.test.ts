import assert from 'node:assert/strict';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { HIDDEN_WORDS, makeFolderTree } from '../support/folder-tree.ts';
import { FULL_KEY, runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

// search and fetch over folders, through a real serve and the SDK clients of both generations.
const DOCS_ONLY_KEY = 'mcp_test_docs_only_0123456789abcdefghij';
const KEYS = JSON.stringify({
  [FULL_KEY]: { name: 'Full', userId: 'owner', role: 'admin', permissions: ['*'] },
  [DOCS_ONLY_KEY]: {
    name: 'Docs only',
    userId: 'bot',
    role: 'user',
    // As the key dialog makes it: full access, but to one folder only.
    permissions: ['*', 'folders:docs'],
  },
});
const LIVE_MS = 5_000;

let tree: ReturnType<typeof makeFolderTree>;
let dataDir = '';
let serve: ServeProcess;
let client: Client;

async function folders(...args: string[]) {
  const result = await runCli(['folders', ...args, '--data-dir', dataDir]);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

async function connect(key: string): Promise<Client> {
  const next = new Client({ name: 'folders-test', version: '1.0.0' });
  await next.connect(
    new StreamableHTTPClientTransport(new URL(serve.url), { requestInit: { headers: { 'X-API-Key': key } } }),
  );
  return next;
}

type Results = { results: { id: string; title: string; url: string; snippet: string }[]; note?: string };

async function search(query: string, by = client): Promise<Results> {
  const answer = await by.callTool({ name: 'search', arguments: { query } });
  const content = answer.content as { type: string; text: string }[];
  assert.equal(content.length, 1, 'one text item');
  const parsed = JSON.parse(content[0]!.text) as Results;
  assert.deepEqual(answer.structuredContent, parsed, 'the same object as structuredContent');
  for (const result of parsed.results)
    assert.deepEqual(Object.keys(result).sort(), ['id', 'snippet', 'title', 'url']);
  return parsed;
}

async function fetchDoc(id: string, by = client) {
  const answer = await by.callTool({ name: 'fetch', arguments: { id } });
  const text = (answer.content as { text: string }[])[0]?.text ?? '';
  return { isError: answer.isError === true, text };
}

async function eventually(what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < LIVE_MS) {
    if (await check()) return Date.now() - started;
    await sleep(100);
  }
  assert.fail(`${what} did not happen within ${LIVE_MS / 1000} s`);
}

before(async () => {
  tree = makeFolderTree();
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-folders-data-'));
  await folders('add', tree.root, '--name', 'docs');
  await folders('add', tree.other, '--name', 'other');
  const settings = JSON.parse(readFileSync(join(dataDir, 'folders.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dataDir, 'folders.json'), JSON.stringify({ ...settings, maxFileBytes: 4096 }));
  serve = await startServe({ dataDir, env: { MCP_API_KEYS: KEYS } });
  client = await connect(FULL_KEY);
  await eventually('the first indexing', async () => (await search('tomatoes')).results.length > 0);
});
after(async () => {
  await client?.close();
  await serve?.stop();
});

describe('search and fetch over chosen folders', () => {
  test('both tools are listed, read-only, with the shapes ChatGPT calls', async () => {
    const { tools } = await client.listTools();
    for (const name of ['search', 'fetch']) {
      const tool = tools.find((t) => t.name === name);
      assert.ok(tool, `${name} is listed`);
      assert.equal(tool.annotations?.readOnlyHint, true);
    }
    const schema = tools.find((t) => t.name === 'search')?.inputSchema as {
      properties: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(schema.properties), ['query']);
  });

  test('search finds Markdown, code, HTML, PDF and Word text, with titles, and links that open the file', async () => {
    const expected: [string, string, string][] = [
      ['tomatoes', 'docs/notes/garden.md', 'Garden plan'],
      ['computeInvoiceTotal', 'docs/code/invoice.ts', 'invoice.ts'],
      ['lentil', 'docs/web/recipes.html', 'Recipes'],
      ['northern revenue', 'docs/reports/q3.pdf', 'Quarterly Report'],
      ['lighthouse', 'docs/letters/budget.docx', 'budget.docx'],
      ['platypus', 'other/readme.md', 'Other things'],
    ];
    for (const [query, id, title] of expected) {
      const { results } = await search(query);
      const hit = results.find((result) => result.id === id);
      assert.ok(hit, `"${query}" finds ${id}: ${JSON.stringify(results)}`);
      assert.equal(hit.title, title);
      assert.equal(hit.url, `${serve.origin}/files/${id.split('/').map(encodeURIComponent).join('/')}`);
      const opened = await fetch(hit.url, { headers: { 'X-API-Key': FULL_KEY } });
      assert.equal(opened.status, 200, id);
      await opened.body?.cancel();
    }
    assert.ok(
      (await search('tomatos')).results.some((r) => r.id === 'docs/notes/garden.md'),
      'a typo still finds it',
    );
  });

  test('nothing ignored, over the cap, secret, outside the folder or inside a script is ever found', async () => {
    for (const [word, where] of Object.entries(HIDDEN_WORDS)) {
      const { results } = await search(word);
      assert.deepEqual(results, [], `"${word}" (in ${where}) was found`);
    }
    const [docs] = JSON.parse(await folders('list', '--json')) as { skippedLarge: number }[];
    assert.equal(docs?.skippedLarge, 1, 'the file over the cap is counted');
  });

  test('fetch gives the whole text, the title and metadata', async () => {
    const doc = await fetchDoc('docs/reports/q3.pdf');
    assert.equal(doc.isError, false);
    const body = JSON.parse(doc.text) as Record<string, unknown> & { metadata: Record<string, unknown> };
    assert.deepEqual(Object.keys(body).sort(), ['id', 'metadata', 'text', 'title', 'url']);
    assert.match(String(body['text']), /Revenue grew in the northern region\.[\s\S]*Costs fell\./);
    assert.equal(body['title'], 'Quarterly Report');
    assert.equal(body.metadata['path'], 'reports/q3.pdf');
    assert.equal(body.metadata['type'], 'pdf');
    assert.match(String(body.metadata['modified']), /^\d{4}-\d\d-\d\dT/);
    assert.equal(typeof body.metadata['size'], 'number');
  });

  test('ids that leave the folder, or name what is ignored, over the cap or missing, get an error, never content', async () => {
    for (const id of [
      'docs/../outside/secret.txt',
      'docs/notes/../../etc/passwd',
      '/etc/passwd',
      'docs//etc/passwd',
      'docs/%2e%2e/%2e%2e/etc/passwd',
      'docs\\..\\..\\etc\\passwd',
      'docs/C:/Windows/win.ini',
      'docs/outside-link.txt',
      'docs/outside-dir/secret.txt',
      'docs/drafts/plan.md',
      'docs/.env',
      'docs/big.txt',
      'docs/photo.png',
      'nowhere/readme.md',
    ]) {
      const doc = await fetchDoc(id);
      assert.equal(doc.isError, true, id);
      assert.match(doc.text, /No document has the id/, id);
      assert.doesNotMatch(doc.text, /ocelot|root:|zeppelin|pangolin|walrus/, id);
    }
    for (const path of [
      '/files/docs/%2e%2e/%2e%2e/etc/passwd',
      '/files/docs/outside-link.txt',
      '/files/docs/.env',
    ]) {
      const res = await fetch(`${serve.origin}${path}`, { headers: { 'X-API-Key': FULL_KEY } });
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /ocelot|root:|pangolin/);
    }
  });

  test('/files needs a key (or the dashboard’s session), and never runs a folder’s HTML on this origin', async () => {
    const url = `${serve.origin}/files/docs/web/recipes.html`;
    assert.equal((await fetch(url)).status, 401);
    const res = await fetch(url, { headers: { 'X-API-Key': FULL_KEY } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.match(String(res.headers.get('content-security-policy')), /sandbox/);
    assert.match(await res.text(), /<title>Recipes<\/title>/);
  });

  test('a key limited to one folder sees that folder only', async () => {
    const limited = await connect(DOCS_ONLY_KEY);
    try {
      assert.deepEqual((await search('platypus', limited)).results, []);
      assert.ok((await search('tomatoes', limited)).results.length > 0);
      assert.equal((await fetchDoc('other/readme.md', limited)).isError, true);
      const res = await fetch(`${serve.origin}/files/other/readme.md`, {
        headers: { 'X-API-Key': DOCS_ONLY_KEY },
      });
      assert.equal(res.status, 404);
    } finally {
      await limited.close();
    }
  });

  test('a 2025-era SDK client (v1) calls both tools too', async () => {
    const legacy = new LegacyClient({ name: 'folders-legacy', version: '1.0.0' });
    await legacy.connect(
      new LegacyTransport(new URL(serve.url), { requestInit: { headers: { 'X-API-Key': FULL_KEY } } }),
    );
    try {
      const found = await legacy.callTool({ name: 'search', arguments: { query: 'lighthouse' } });
      const { results } = JSON.parse((found.content as { text: string }[])[0]!.text) as Results;
      assert.equal(results[0]?.id, 'docs/letters/budget.docx');
      const read = await legacy.callTool({ name: 'fetch', arguments: { id: results[0]!.id } });
      assert.match((read.content as { text: string }[])[0]!.text, /lighthouse restoration budget/);
    } finally {
      await legacy.close();
    }
  });

  test('a file added, changed or deleted is searchable (or gone) within 5 seconds', async () => {
    const path = join(tree.root, 'notes', 'new-idea.md');
    writeFileSync(path, '# Idea\n\nA solar kettle.\n');
    await eventually('the new file found', async () => (await search('kettle')).results.length > 0);
    writeFileSync(path, '# Idea\n\nA wind-up lantern instead.\n');
    await eventually('the change found', async () => (await search('lantern')).results.length > 0);
    assert.deepEqual((await search('kettle')).results, [], 'the old text is gone');
    rmSync(path);
    await eventually('the deleted file gone', async () => (await search('lantern')).results.length === 0);
  });

  test('a restart keeps the index: search answers at once, before any reading of the folder', async () => {
    await client.close();
    await serve.stop();
    writeFileSync(
      join(tree.root, 'notes', 'while-stopped.md'),
      'An abacus, written while MCP Tray was stopped.\n',
    );
    serve = await startServe({ dataDir, env: { MCP_API_KEYS: KEYS } });
    client = await connect(FULL_KEY);
    assert.ok((await search('tomatoes')).results.length > 0, 'found from the kept index');
    await eventually(
      'the change made while stopped',
      async () => (await search('abacus')).results.length > 0,
    );
  });

  test('raising the size cap (Settings) brings the bigger file in, without a restart', async () => {
    const settings = JSON.parse(readFileSync(join(dataDir, 'folders.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(join(dataDir, 'folders.json'), JSON.stringify({ ...settings, maxFileBytes: 1024 * 1024 }));
    await eventually(
      'the file under the new cap found',
      async () => (await search('walrus')).results.length > 0,
    );
  });

  test('folders list reports each folder; removing one takes its tools away with the last folder', async () => {
    const listed = JSON.parse(await folders('list', '--json')) as {
      name: string;
      files: number;
      state: string;
      errors: string[];
      skippedLarge: number;
    }[];
    assert.deepEqual(
      listed.map((folder) => folder.name),
      ['docs', 'other'],
    );
    assert.ok(listed[0]!.files >= 6 && listed[0]!.state === 'ready', JSON.stringify(listed[0]));
    assert.ok(
      listed[0]!.errors.some((error) => error.startsWith('reports/broken.pdf: ')),
      'a file that cannot be read is named, with why',
    );
    assert.equal(listed[0]!.skippedLarge, 0, 'nothing over the raised cap');
    const reindexed = await runCli(['folders', 'reindex', 'other', '--data-dir', dataDir]);
    assert.equal(reindexed.code, 0, reindexed.stderr);
    assert.match(reindexed.stdout, /^other: 1 of 1 files$/m, 'plain progress lines when not on a terminal');
    assert.match(reindexed.stdout, /^ {2}1 files, \d+ B; ready; last indexed \d{4}-/m);
    await folders('remove', 'other');
    const followed = await eventually(
      'the removed folder gone',
      async () => (await search('platypus')).results.length === 0,
    );
    assert.ok(followed < 2_000, `the running server followed folders.json in ${followed} ms`);
    await folders('remove', 'docs');
    await eventually('the tools gone', async () => {
      const { tools } = await client.listTools();
      return !tools.some((tool) => tool.name === 'search' || tool.name === 'fetch');
    });
  });
});

// `npm run bench`, search section: a generated tree of 10,000 files (about 50 MB of text) shared as a folder
// with a real `mcp-tray serve`; prints the time to index it, the server's RSS after, the index's size on
// disk, `search` p50/p95 through MCP (an SDK client's tools/call), ripgrep answering the same queries on the
// same tree in the same run (its per-query time is the baseline), and how soon a restarted server answers.
// Targets (README): search p95 at most a tenth of rg's, indexing under 30 s, RSS under 300 MB, a restart
// ready in under 2 s. It prints, it never fails.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI, CLI_NODE_FLAGS, freePort } from '../tests/support/serve-process.ts';

const FILES = Number(process.env['BENCH_SEARCH_FILES'] ?? 10_000);
const QUERIES = 100;
const KEY = 'mcp_bench_0123456789abcdefghijklmnopqrstuv';

/** A seeded generator, so every run searches the same tree. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const next = random(42);
const syllables = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'vel', 'dor', 'qui', 'ne', 'pa', 'gru', 'zen', 'ho'];
const vocabulary = Array.from({ length: 20_000 }, () => {
  const parts = 2 + Math.floor(next() * 3);
  return Array.from({ length: parts }, () => syllables[Math.floor(next() * syllables.length)]).join('');
});
// Zipf-like: common words often, rare words seldom, as in real text.
const word = () => vocabulary[Math.floor(vocabulary.length * next() ** 3)]!;

function makeTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-tray-bench-search-'));
  for (let i = 0; i < FILES; i += 1) {
    const dir = join(root, `part-${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(dir);
    const words = Array.from({ length: 700 }, word);
    writeFileSync(join(dir, `note-${i}.md`), `# ${words.slice(0, 4).join(' ')}\n\n${words.join(' ')}\n`);
  }
  return root;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function serve(dataDir: string, port: number): ChildProcess {
  return spawn(
    process.execPath,
    [...CLI_NODE_FLAGS, CLI, 'serve', '--port', String(port), '--data-dir', dataDir],
    {
      env: {
        ...process.env,
        MCP_API_KEYS: JSON.stringify({
          [KEY]: { name: 'bench', userId: 'bench', role: 'admin', permissions: ['*'] },
        }),
      },
      stdio: 'ignore',
    },
  );
}

async function connect(port: number): Promise<Client> {
  for (;;) {
    const client = new Client({ name: 'search-bench', version: '1.0.0' });
    try {
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), {
          requestInit: { headers: { 'X-API-Key': KEY } },
        }),
      );
      return client;
    } catch {
      await sleep(20);
    }
  }
}

function folderState(dataDir: string): { state: string; files: number } {
  const run = spawnSync(process.execPath, [
    ...CLI_NODE_FLAGS,
    CLI,
    'folders',
    'list',
    '--json',
    '--data-dir',
    dataDir,
  ]);
  const [folder] = JSON.parse(run.stdout.toString()) as { state: string; files: number }[];
  return folder ?? { state: 'none', files: 0 };
}

async function searchTimes(client: Client, queries: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    await client.callTool({ name: 'search', arguments: { query } });
    times.push(performance.now() - started);
  }
  return times;
}

function rgTimes(root: string, queries: readonly string[]): number[] | undefined {
  if (spawnSync('rg', ['--version']).error !== undefined) return undefined;
  return queries.map((query) => {
    const started = performance.now();
    spawnSync('rg', ['-l', '-i', '-F', '-e', query, root], { stdio: 'ignore' });
    return performance.now() - started;
  });
}

const root = makeTree();
const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-bench-search-data-'));
spawnSync(process.execPath, [
  ...CLI_NODE_FLAGS,
  CLI,
  'folders',
  'add',
  root,
  '--name',
  'bench',
  '--data-dir',
  dataDir,
]);
const port = await freePort();
const started = performance.now();
let server = serve(dataDir, port);
server.once('exit', (code) => {
  if (code !== null && code !== 0) {
    console.error(`serve exited with code ${code} before the folder was indexed`);
    process.exit(1);
  }
});
while (folderState(dataDir).state !== 'ready') await sleep(1000);
const indexSeconds = (performance.now() - started) / 1000;
const rss = rssMiB(server.pid!);
const indexFile = join(dataDir, 'search-index.sqlite');
const indexMiB =
  [indexFile, `${indexFile}-wal`].filter(existsSync).reduce((sum, path) => sum + statSync(path).size, 0) /
  2 ** 20;
const queries = Array.from({ length: QUERIES }, () => word());
let client = await connect(port);
await searchTimes(client, queries.slice(0, 10));
const ours = await searchTimes(client, queries);
const rg = rgTimes(root, queries);
await client.close();
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
const restart = performance.now();
server = serve(dataDir, port);
client = await connect(port);
await client.callTool({ name: 'search', arguments: { query: queries[0]! } });
const restartMs = performance.now() - restart;
await client.close();
server.kill('SIGTERM');

const p50 = percentile(ours, 0.5);
const p95 = percentile(ours, 0.95);
console.log(
  `\nsearch over ${FILES} files (${Math.round(FILES * 4.4) / 1000} MB of text), ${QUERIES} one-word queries`,
);
console.log(`  first indexing          ${indexSeconds.toFixed(1)} s (target < 30 s)`);
console.log(`  RSS after indexing      ${rss.toFixed(0)} MiB (target < 300 MiB)`);
console.log(`  index on disk           ${indexMiB.toFixed(0)} MiB`);
console.log(`  search through MCP      p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
if (rg === undefined)
  console.log('  ripgrep                 not installed (apt-get install ripgrep): no baseline');
else {
  const rgP50 = percentile(rg, 0.5);
  const rgP95 = percentile(rg, 0.95);
  console.log(`  ripgrep, same queries   p50 ${rgP50.toFixed(1)} ms, p95 ${rgP95.toFixed(1)} ms`);
  console.log(`  search p95 / rg p95     ${(p95 / rgP95).toFixed(3)} (target <= 0.1)`);
}
console.log(`  restart to first answer ${restartMs.toFixed(0)} ms (target < 2000 ms)`);

// `npm run bench`, bridge section: how soon `mcp-tray bridge` answers a client's first request after the
// client starts it (the target: under 500 ms), against a bare Node process that answers the same
// line, started the same way in the same run. Prints medians and the ratio; it never fails.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, CLI_NODE_FLAGS, runCli, startServe } from '../tests/support/serve-process.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 10);
const INITIALIZE = `${JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
})}\n`;
// The baseline: Node started, reading one line and answering it, with nothing loaded.
const BARE = `process.stdin.once('data', () => process.stdout.write('{"jsonrpc":"2.0","id":1,"result":{}}\\n'));`;

/** Milliseconds from spawning `args` to the first line it writes after being sent an initialize. */
async function firstAnswer(args: string[]): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  child.stdin.write(INITIALIZE);
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const elapsed = performance.now() - start;
  child.kill();
  child.stdin.destroy();
  child.stdout.destroy();
  await new Promise((resolve) => child.once('exit', resolve));
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const dataDir = mkdtempSync(join(tmpdir(), 'mcp-bench-bridge-'));
const store = ['--data-dir', dataDir, '--secret-store', 'file'];
await runCli(['keys', 'create', '--name', 'Bench', ...store]);
const serve = await startServe({ dataDir, args: ['--secret-store', 'file'] });
try {
  const bridge = [...CLI_NODE_FLAGS, CLI, 'bridge', '--key', 'Bench', '--port', String(serve.port), ...store];
  const bridged: number[] = [];
  const bare: number[] = [];
  // Alternated, so that the machine's pace weighs on both alike.
  for (let run = 0; run < RUNS; run += 1) {
    bridged.push(await firstAnswer(bridge));
    bare.push(await firstAnswer(['-e', BARE]));
  }
  console.log(
    `\nbridge: first answer after start, median of ${RUNS}: mcp-tray bridge ${median(bridged).toFixed(0)} ms ` +
      `(target under 500 ms), bare node ${median(bare).toFixed(0)} ms, ratio ${(median(bridged) / median(bare)).toFixed(1)}`,
  );
} finally {
  await serve.stop();
}

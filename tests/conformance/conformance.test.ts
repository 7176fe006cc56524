import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { servers, waitForServer, startGateway } from '../support/gateway-helpers.ts';
import { FULL_KEY, type ServeProcess } from '../support/serve-process.ts';
import { startKeyForwarder } from './key-forwarder.ts';
import {
  CONFORMANCE_SUITE,
  readExpectedFailures,
  readScenarioResults,
  unexpectedFailures,
  type Check,
} from './conformance-results.ts';

const FIXTURES = join(import.meta.dirname, '..', 'support', 'conformance-upstream.ts');
const MRTR_FIXTURES = join(import.meta.dirname, '..', 'support', 'conformance-mrtr-upstream.ts');
const REQUIREMENT_SETS = ['2025-11-25', '2026-07-28'];
/** Scenarios about the protocol itself, headers and DNS rebinding: these must pass whole, never be baselined. */
const PROTOCOL_SCENARIOS: Record<string, string[]> = {
  '2025-11-25': [
    'server-initialize',
    'ping',
    'tools-list',
    'dns-rebinding-protection',
    'server-sse-multiple-streams',
  ],
  '2026-07-28': [
    'tools-list',
    'dns-rebinding-protection',
    'http-header-validation',
    'sep-2164-resource-not-found',
  ],
};
const expected = readExpectedFailures(join(import.meta.dirname, 'expected-failures.txt'));
const usedEntries = new Set<string>();

let server: ServeProcess;
let forwarder: Awaited<ReturnType<typeof startKeyForwarder>>;

/** Runs the official suite in server mode for one requirement set; returns its per-scenario results. */
async function runSuite(
  requirements: string,
): Promise<{ results: Map<string, Check[]>; declared: number; log: string }> {
  const outputDir = mkdtempSync(join(tmpdir(), `mcp-tray-conformance-${requirements}-`));
  const child = spawn(process.execPath, [
    CONFORMANCE_SUITE,
    'server',
    '--url',
    forwarder.url,
    '--requirements',
    requirements,
    '-o',
    outputDir,
  ]);
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await once(child, 'exit');
  const declared = Number(/Running requirements \S+ \((\d+) scenarios\)/.exec(log)?.[1] ?? NaN);
  return { results: readScenarioResults(outputDir), declared, log };
}

let mrtrFixtures: ChildProcess | undefined;

before(async () => {
  // The suite's fixtures come from an upstream behind the gateway, with their own names (no prefix): the
  // scenarios run through MCP Tray's gateway, as a user's own servers are reached.
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-conformance-'));
  await servers(dataDir, ['add', 'fixtures', '--no-prefix', '--', process.execPath, FIXTURES]);
  // The fixture that asks with input_required under its own key is a 2026-07-28 server, over HTTP.
  mrtrFixtures = spawn(process.execPath, [MRTR_FIXTURES], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(mrtrFixtures.stdout!, 'data')) as [Buffer];
  await servers(dataDir, ['add', 'mrtr-fixtures', '--no-prefix', '--url', line.toString().trim()]);
  server = await startGateway({ dataDir, args: ['--secret-store', 'file'] });
  await waitForServer(dataDir, 'fixtures', (view) => view.state === 'running');
  await waitForServer(dataDir, 'mrtr-fixtures', (view) => view.state === 'running');
  forwarder = await startKeyForwarder(server.port, FULL_KEY);
});
after(async () => {
  await forwarder.close();
  await server.stop();
  mrtrFixtures?.kill();
});

for (const requirements of REQUIREMENT_SETS) {
  describe(`official MCP conformance suite, requirement set ${requirements}`, () => {
    let run: Awaited<ReturnType<typeof runSuite>>;
    before(async () => {
      run = await runSuite(requirements);
    });

    test('ran every scenario the requirement set declares', () => {
      assert.ok(run.declared > 0, `the suite printed no scenario count:\n${run.log.slice(0, 2000)}`);
      assert.equal(run.results.size, run.declared);
    });

    test('each scenario passes, or fails only as expected-failures.txt says', async (t) => {
      for (const [scenario, checks] of run.results) {
        const { unexpected, used } = unexpectedFailures(scenario, checks, expected);
        for (const entry of used) usedEntries.add(entry);
        // A scenario that fails only as expected is reported as todo (not counted as passed), with its reason.
        const todo =
          unexpected.length === 0 && used.length > 0
            ? used.map((e) => `${e}: ${expected.get(e)}`).join('; ')
            : undefined;
        await t.test(scenario, todo === undefined ? {} : { todo }, () => {
          assert.deepEqual(
            unexpected.map((check) => `${check.name}: ${check.errorMessage ?? ''}`),
            [],
          );
        });
      }
    });

    for (const scenario of PROTOCOL_SCENARIOS[requirements] ?? []) {
      test(`the protocol scenario ${scenario} runs and passes every check`, () => {
        const checks = run.results.get(scenario);
        assert.ok(checks !== undefined && checks.length > 0, `${scenario} did not run`);
        assert.deepEqual(
          checks.filter((check) => check.status === 'FAILURE').map((check) => check.name),
          [],
        );
      });
    }
  });
}

test('every expected-failures entry still fails somewhere (else remove it)', () => {
  const stale = [...expected.keys()].filter((entry) => !usedEntries.has(entry));
  assert.deepEqual(stale, []);
});

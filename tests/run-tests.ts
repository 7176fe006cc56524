// `npm test` runs this after lint and build: every test file under tests/ (unit, integration, e2e,
// conformance, reliability) in node:test, with the spec reporter; then, over the temporary folders all of
// them made, the secrets scan (tests/after-suite). It ends with one plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const files = process.argv.slice(2);
const suiteDir = mkdtempSync(join(tmpdir(), 'mcp-tray-suite-'));
const countsFile = join(suiteDir, 'counts.jsonl');
const env = {
  ...process.env,
  TMPDIR: suiteDir,
  MCP_TRAY_SUITE_DIR: suiteDir,
  MCP_TRAY_TEST_COUNTS: countsFile,
};

function run(patterns: string[]): number {
  const result = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./tests/support/summary-reporter.ts',
      '--test-reporter-destination=stdout',
      ...patterns,
    ],
    { stdio: 'inherit', env },
  );
  return result.status ?? 1;
}

const suite = run(files.length > 0 ? files : ['tests/**/*.test.ts']);
// A subset run makes too few data folders to scan; the whole suite always ends with the scan.
const scan = files.length > 0 ? 0 : run(['tests/after-suite/secrets-scan.ts']);

const totals = { passed: 0, failed: 0, skipped: 0 };
// A run that died before its reporter wrote anything counts as one failure, not as nothing at all.
const recorded = existsSync(countsFile) ? readFileSync(countsFile, 'utf8') : '';
if (recorded === '') totals.failed += 1;
for (const line of recorded.split('\n').filter(Boolean)) {
  const counts = JSON.parse(line) as typeof totals;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
const status = suite !== 0 ? suite : scan;
if (status === 0) rmSync(suiteDir, { recursive: true, force: true });
process.exit(status);

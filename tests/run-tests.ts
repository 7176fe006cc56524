// `npm test` runs this after lint and build: every test file under tests/ (unit, integration,
// conformance) in node:test, with the spec reporter and a closing "N passed, N failed" line.
import { spawnSync } from 'node:child_process';

const files = process.argv.slice(2);
const patterns = files.length > 0 ? files : ['tests/**/*.test.ts'];
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
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);

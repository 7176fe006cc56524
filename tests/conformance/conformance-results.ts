import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The official conformance suite's entry, as installed from npm. */
export const CONFORMANCE_SUITE = join(
  import.meta.dirname,
  '..',
  '..',
  'node_modules',
  '@modelcontextprotocol',
  'conformance',
  'dist',
  'index.js',
);

export interface Check {
  name: string;
  status: string;
  errorMessage?: string;
}

/** The suite writes one folder per scenario: `server-<scenario>-<ISO time>/checks.json`. */
export function readScenarioResults(outputDir: string): Map<string, Check[]> {
  const results = new Map<string, Check[]>();
  for (const entry of readdirSync(outputDir)) {
    const scenario = entry.replace(/^server-/, '').replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, '');
    results.set(scenario, JSON.parse(readFileSync(join(outputDir, entry, 'checks.json'), 'utf8')) as Check[]);
  }
  return results;
}

/** `scenario` or `scenario/CheckName` to its reason. */
export function readExpectedFailures(file: string): Map<string, string> {
  const expected = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([a-z0-9-]+(?:\/[A-Za-z0-9]+)?)\s+(\S.*)$/.exec(line.trim());
    if (match?.[1] && match[2] && !line.startsWith('#')) expected.set(match[1], match[2]);
  }
  return expected;
}

/** The failed checks of a scenario that no entry expects, and the entries that matched. */
export function unexpectedFailures(
  scenario: string,
  checks: Check[],
  expected: Map<string, string>,
): { unexpected: Check[]; used: string[] } {
  const failed = checks.filter((check) => check.status === 'FAILURE');
  if (expected.has(scenario)) return { unexpected: [], used: failed.length > 0 ? [scenario] : [] };
  const used: string[] = [];
  const unexpected: Check[] = [];
  for (const check of failed) {
    const key = `${scenario}/${check.name}`;
    if (expected.has(key)) used.push(key);
    else unexpected.push(check);
  }
  return { unexpected, used };
}

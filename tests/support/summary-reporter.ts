// A node:test reporter for the counts CI reads: under tests/run-tests.ts it appends them to the file named
// by MCP_TRAY_TEST_COUNTS (run-tests prints the one "N passed, N failed, N skipped" line for all its runs);
// run on its own, it prints that line itself.
import { appendFileSync } from 'node:fs';

interface SummaryEvent {
  type: string;
  data: {
    file?: string;
    counts?: { passed: number; failed: number; skipped: number; todo: number; cancelled: number };
  };
}

export default async function* summaryReporter(source: AsyncIterable<SummaryEvent>): AsyncGenerator<string> {
  for await (const event of source) {
    if (event.type === 'test:summary' && event.data.file === undefined && event.data.counts) {
      const { passed, failed, skipped, todo, cancelled } = event.data.counts;
      const counts = { passed, failed: failed + cancelled, skipped: skipped + todo };
      const file = process.env['MCP_TRAY_TEST_COUNTS'];
      if (file) appendFileSync(file, `${JSON.stringify(counts)}\n`);
      else yield `\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`;
    }
  }
}

// A node:test reporter that ends the run with the plain line CI reads: "N passed, N failed, N skipped".
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
      yield `\n${passed} passed, ${failed + cancelled} failed, ${skipped + todo} skipped\n`;
    }
  }
}

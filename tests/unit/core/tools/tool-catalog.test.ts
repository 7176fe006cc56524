import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { streamLogger } from '../../../../src-main/core/logger.ts';
import { ToolCatalog } from '../../../../src-main/core/tools/tool-catalog.ts';
import {
  defineTool,
  type ToolProvider,
  type OfferChange,
} from '../../../../src-main/core/tools/tool-provider.ts';

const tool = (name: string) =>
  defineTool({
    name,
    title: name,
    description: `the ${name} tool`,
    inputSchema: z.object({}),
    call: async () => ({ content: [{ type: 'text', text: name }] }),
  });

/** A provider whose tools can be swapped, as a gateway's change when an upstream server restarts. */
function provider(id: string, log: string[], options: { failStart?: boolean } = {}) {
  let tools = [tool(`${id}_a`)];
  const listeners = new Set<(change: OfferChange) => void>();
  const self: ToolProvider & { swap(names: string[]): void } = {
    id,
    start: async () => {
      log.push(`start ${id}`);
      if (options.failStart) throw new Error('its command was not found');
    },
    close: async () => void log.push(`close ${id}`),
    tools: () => tools,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    swap(names) {
      tools = names.map(tool);
      for (const listener of listeners) listener('tools');
    },
  };
  return self;
}

test('providers start in order; one that fails is logged and left out, the others serve', async () => {
  const log: string[] = [];
  const warnings: string[] = [];
  const catalog = new ToolCatalog(
    [provider('one', log), provider('broken', log, { failStart: true }), provider('two', log)],
    streamLogger((line) => warnings.push(line)),
  );
  await catalog.start();
  assert.deepEqual(
    catalog.tools().map((t) => t.name),
    ['one_a', 'two_a'],
  );
  assert.match(
    warnings.join(''),
    /The tools of "broken" are left out: it failed to start \(its command was not found\)/,
  );
  await catalog.close();
  assert.deepEqual(log, ['start one', 'start broken', 'start two', 'close two', 'close one']);
});

test('a change of any provider reaches the catalog’s listeners, and the next tools() answer', async () => {
  const changing = provider('gateway', []);
  const catalog = new ToolCatalog(
    [changing],
    streamLogger(() => {}),
  );
  await catalog.start();
  let changes = 0;
  const stop = catalog.onChange(() => (changes += 1));
  changing.swap(['fs_read', 'fs_write']);
  assert.equal(changes, 1);
  assert.deepEqual(
    catalog.tools().map((t) => t.name),
    ['fs_read', 'fs_write'],
  );
  stop();
  changing.swap(['fs_read']);
  assert.equal(changes, 1, 'no more calls once unsubscribed');
  await catalog.close();
  changing.swap([]);
  assert.equal(changes, 1, 'a closed catalog listens to nothing');
});

test('a name is one tool: the first provider keeps it when a later one offers the same (a folder added later)', async () => {
  const log: string[] = [];
  const folders = provider('folders', log);
  const gateway = provider('gateway', log);
  const catalog = new ToolCatalog(
    [folders, gateway],
    streamLogger(() => {}),
  );
  await catalog.start();
  gateway.swap(['search', 'other']);
  folders.swap(['search', 'fetch']);
  const tools = catalog.tools();
  assert.deepEqual(
    tools.map((t) => t.name),
    ['search', 'fetch', 'other'],
  );
  assert.equal(tools[0], folders.tools()[0], 'the folders’ search, not the gateway’s');
});

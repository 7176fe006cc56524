import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { OfferCache } from '../../../../src-main/core/mcp/offer-cache.ts';
import {
  defineTool,
  type OfferChange,
  type ToolProvider,
} from '../../../../src-main/core/tools/tool-provider.ts';

const tool = (name: string) =>
  defineTool({
    name,
    description: name,
    inputSchema: z.object({}),
    call: async () => ({ content: [] }),
  });

/** A provider whose tools the test changes, saying so as providers must. */
function changingProvider() {
  let tools = [tool('notes__read'), tool('git__status')];
  const listeners = new Set<(change: OfferChange) => void>();
  const provider: ToolProvider = {
    id: 'changing',
    tools: () => tools,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const change = (names: string[]) => {
    tools = names.map(tool);
    for (const listener of listeners) listener('tools');
  };
  return { provider, change, listeners };
}

describe('OfferCache: each caller’s offer, worked out once per change', () => {
  test('the same permissions get the same offer until a provider changes; others get their own', () => {
    const { provider, change } = changingProvider();
    const cache = new OfferCache([provider]);
    const all = cache.for(['*']);
    assert.equal(cache.for(['*']), all, 'the very same object');
    const notesOnly = cache.for(['tools:call:notes__*']);
    assert.deepEqual(
      notesOnly.tools.map((t) => t.name),
      ['notes__read'],
    );
    change(['notes__read', 'notes__write']);
    const after = cache.for(['tools:call:notes__*']);
    assert.notEqual(after, notesOnly);
    assert.deepEqual(
      after.tools.map((t) => t.name),
      ['notes__read', 'notes__write'],
    );
  });

  test('close stops following the providers', () => {
    const { provider, listeners } = changingProvider();
    const cache = new OfferCache([provider]);
    assert.equal(listeners.size, 1);
    cache.close();
    assert.equal(listeners.size, 0);
  });
});

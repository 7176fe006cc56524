import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UpstreamAsks } from '../../../../src-main/core/gateway/upstream-asks.ts';
import type { CallContext, ClientInputRequest } from '../../../../src-main/core/tools/tool-provider.ts';

const SAMPLE: ClientInputRequest = {
  method: 'sampling/createMessage',
  params: { messages: [], maxTokens: 5 },
};

function context(answer: string): CallContext {
  return {
    signal: new AbortController().signal,
    progress: () => {},
    ask: async () => ({ answeredBy: answer }),
  };
}

/** Holds a call in flight until the returned function is called. */
function holdCall(asks: UpstreamAsks, owner: string, answer: string): () => void {
  let release: () => void = () => {};
  void asks.during(owner, context(answer), () => new Promise<void>((resolve) => (release = resolve)));
  return () => release();
}

describe('UpstreamAsks: which client an upstream’s request goes to', () => {
  test('outside any call: roots are empty, anything else is refused with why', async () => {
    const asks = new UpstreamAsks('notes');
    assert.deepEqual(await asks.route({ method: 'roots/list' }), { roots: [] });
    await assert.rejects(asks.route(SAMPLE), /only while one of its calls to "notes" is under way/);
  });

  test('calls of one key: the latest is asked', async () => {
    const asks = new UpstreamAsks('notes');
    const first = holdCall(asks, 'key-a', 'first');
    const second = holdCall(asks, 'key-a', 'second');
    assert.deepEqual(await asks.route(SAMPLE), { answeredBy: 'second' });
    second();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(await asks.route(SAMPLE), { answeredBy: 'first' });
    first();
  });

  test('calls of several keys: nobody is asked, since it could be the wrong one', async () => {
    const asks = new UpstreamAsks('notes');
    const a = holdCall(asks, 'key-a', 'a');
    const b = holdCall(asks, 'key-b', 'b');
    await assert.rejects(asks.route(SAMPLE), /several clients/);
    b();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(await asks.route(SAMPLE), { answeredBy: 'a' });
    a();
  });
});

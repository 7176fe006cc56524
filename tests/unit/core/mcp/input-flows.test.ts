import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { refusal } from '../../../../src-main/core/mcp/client-input.ts';
import { InputFlows, type Round } from '../../../../src-main/core/mcp/input-flows.ts';

const SAMPLE = {
  method: 'sampling/createMessage' as const,
  params: { messages: [], maxTokens: 10 },
};
const ROOTS = { method: 'roots/list' as const };

function round(refuses: Round['refuses'] = () => undefined): Round & { progressed: number[] } {
  const progressed: number[] = [];
  return { signal: new AbortController().signal, refuses, progress: (p) => progressed.push(p), progressed };
}

describe('InputFlows: a call that asks its client things, carried over rounds', () => {
  test('a call that asks nothing answers in its first round', async () => {
    const flows = new InputFlows();
    const step = await flows.start('key-a', round(), async () => 'done');
    assert.deepEqual(step, { done: 'done' });
  });

  test('questions go out as input requests; the answers of the next round reach the call', async () => {
    const flows = new InputFlows();
    const first = await flows.start('key-a', round(), async ({ ask }) => {
      const [sampled, roots] = await Promise.all([ask(SAMPLE), ask(ROOTS)]);
      const second = await ask(ROOTS);
      return `${JSON.stringify(sampled)} ${JSON.stringify(roots)} ${JSON.stringify(second)}`;
    });
    assert.ok('input' in first);
    assert.deepEqual(Object.values(first.input), [SAMPLE, ROOTS], 'asked together, asked in one round');
    const [sampleKey, rootsKey] = Object.keys(first.input);

    // An answer to only one of them: the other is asked again.
    const partial = await flows.resume(first.flow, 'key-a', round(), { [sampleKey!]: { text: 'hi' } });
    assert.ok('input' in partial);
    assert.deepEqual(Object.keys(partial.input), [rootsKey]);

    const third = await flows.resume(partial.flow, 'key-a', round(), { [rootsKey!]: { roots: [] } });
    assert.ok('input' in third, 'its next question');
    const [nextKey] = Object.keys(third.input);
    assert.notEqual(nextKey, rootsKey, 'a new question gets a new key');
    const done = await flows.resume(third.flow, 'key-a', round(), {
      [nextKey!]: { roots: [{ uri: 'file:///x' }] },
    });
    assert.deepEqual(done, { done: '{"text":"hi"} {"roots":[]} {"roots":[{"uri":"file:///x"}]}' });
  });

  test('a question asked under a name of its own goes out under it, unless that name is taken', async () => {
    const flows = new InputFlows();
    const first = await flows.start('key-a', round(), async ({ ask }) => {
      const answers = await Promise.all([ask(ROOTS, 'user_name'), ask(SAMPLE, 'user_name'), ask(ROOTS)]);
      return answers.length;
    });
    assert.ok('input' in first);
    const keys = Object.keys(first.input);
    assert.equal(keys[0], 'user_name');
    assert.equal(new Set(keys).size, 3, 'a name already asked under gets a key of its own');
    const answers = Object.fromEntries(keys.map((key) => [key, { roots: [] }]));
    assert.deepEqual(await flows.resume(first.flow, 'key-a', round(), answers), { done: 3 });
  });

  test('another key cannot continue a call, and an ended call says so', async () => {
    const flows = new InputFlows();
    const first = await flows.start('key-a', round(), async ({ ask }) => ask(ROOTS));
    assert.ok('input' in first);
    await assert.rejects(flows.resume(first.flow, 'key-b', round(), {}), /has ended/);
    const done = await flows.resume(first.flow, 'key-a', round(), {
      [Object.keys(first.input)[0]!]: { roots: [] },
    });
    assert.deepEqual(done, { done: { roots: [] } });
    await assert.rejects(flows.resume(first.flow, 'key-a', round(), {}), /has ended/);
  });

  test('a question the client cannot answer fails in the call, with why', async () => {
    const flows = new InputFlows();
    const step = await flows.start(
      'key-a',
      round(() => 'no sampling here'),
      async ({ ask }) => ask(SAMPLE).catch((error: Error) => `refused: ${error.message}`),
    );
    assert.deepEqual(step, { done: 'refused: no sampling here' });
  });

  test('progress goes to the round under way; a cancelled round ends the call', async () => {
    const flows = new InputFlows();
    let signal: AbortSignal | undefined;
    const firstRound = round();
    const first = await flows.start('key-a', firstRound, async (context) => {
      signal = context.signal;
      context.progress(1);
      await context.ask(ROOTS);
      context.progress(2);
      await context.ask(ROOTS);
      return 'unreachable';
    });
    assert.ok('input' in first);
    const abort = new AbortController();
    const secondRound = { ...round(), signal: abort.signal, progressed: [] as number[] };
    secondRound.progress = (p) => secondRound.progressed.push(p);
    const second = flows.resume(first.flow, 'key-a', secondRound, {
      [Object.keys(first.input)[0]!]: { roots: [] },
    });
    const next = await second;
    assert.ok('input' in next);
    assert.deepEqual(firstRound.progressed, [1]);
    assert.deepEqual(secondRound.progressed, [2]);
    const third = flows.resume(next.flow, 'key-a', { ...round(), signal: abort.signal }, {});
    abort.abort();
    await assert.rejects(third, /cancelled/);
    assert.equal(signal?.aborted, true, 'the call itself is cancelled');
  });

  test('a call that fails between rounds fails the next round, not the process', async () => {
    const flows = new InputFlows();
    const first = await flows.start('key-a', round(), async ({ ask }) => {
      void ask(ROOTS).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 40));
      throw new Error('upstream went away');
    });
    assert.ok('input' in first);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await assert.rejects(flows.resume(first.flow, 'key-a', round(), {}), /upstream went away/);
  });

  test('close ends every waiting call', async () => {
    const flows = new InputFlows();
    let reason = '';
    const first = await flows.start('key-a', round(), async ({ ask }) =>
      ask(ROOTS).catch((error: Error) => (reason = error.message)),
    );
    assert.ok('input' in first);
    flows.close();
    await new Promise((resolve) => setImmediate(resolve));
    assert.match(reason, /shutting down/);
  });
});

describe('refusal: what a client said it can answer', () => {
  test('each kind needs its capability; empty elicitation means form only', () => {
    assert.match(refusal(undefined, SAMPLE) ?? '', /did not declare sampling/);
    assert.equal(refusal({ sampling: {} }, SAMPLE), undefined);
    assert.match(refusal({ sampling: {} }, ROOTS) ?? '', /roots/);
    const form = { method: 'elicitation/create' as const, params: { message: 'm', requestedSchema: {} } };
    const url = {
      method: 'elicitation/create' as const,
      params: { mode: 'url', url: 'https://x', message: 'm' },
    };
    assert.equal(refusal({ elicitation: {} }, form), undefined);
    assert.match(refusal({ elicitation: {} }, url) ?? '', /URL elicitation/);
    assert.equal(refusal({ elicitation: { url: {} } }, url), undefined);
    assert.match(refusal({ elicitation: { url: {} } }, form) ?? '', /form elicitation/);
  });
});

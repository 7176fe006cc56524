import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchFetchStep } from '../../../../src-main/core/doctor/search-fetch-step.ts';

const tool = (name: string, arg: string, type = 'string') => ({
  name,
  inputSchema: { properties: { [arg]: { type } } },
});

test('search and fetch: skipped when absent, passed when shaped as ChatGPT calls them, failed otherwise', () => {
  assert.equal(searchFetchStep([tool('whoami', 'x')]).outcome, 'skip');
  assert.equal(searchFetchStep([tool('search', 'query'), tool('fetch', 'id')]).outcome, 'pass');
  const wrong = searchFetchStep([tool('search', 'q'), tool('fetch', 'id', 'number')]);
  assert.equal(wrong.outcome, 'fail');
  assert.match(wrong.detail, /search is shaped otherwise and fetch is shaped otherwise/);
  assert.match(searchFetchStep([tool('search', 'query')]).detail, /fetch is missing/);
});

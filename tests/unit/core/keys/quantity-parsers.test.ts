import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatRate, parseDuration, parseRate } from '../../../../src-main/core/keys/quantity-parsers.ts';

describe('durations', () => {
  test('read 90s, 10m, 12h, 30d', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('10m'), 600_000);
    assert.equal(parseDuration('12h'), 43_200_000);
    assert.equal(parseDuration('30d'), 2_592_000_000);
    assert.equal(parseDuration(' 5m '), 300_000);
  });

  test('refuse anything else, showing the accepted forms', () => {
    for (const bad of ['', '10', 'm', '0s', '-5m', '1.5h', '3 days', '10w', '10M']) {
      assert.throws(
        () => parseDuration(bad, 'expiry'),
        /is not a valid expiry; use a whole number and a unit: 90s, 10m, 12h or 30d/,
        bad,
      );
    }
  });
});

describe('rates', () => {
  test('read 120/min, 5/s, 1000/h', () => {
    assert.deepEqual(parseRate('120/min'), { limit: 120, windowSeconds: 60 });
    assert.deepEqual(parseRate('5/s'), { limit: 5, windowSeconds: 1 });
    assert.deepEqual(parseRate('1000/h'), { limit: 1000, windowSeconds: 3600 });
    assert.deepEqual(parseRate('10 / MIN'), { limit: 10, windowSeconds: 60 });
  });

  test('refuse anything else, showing the accepted forms', () => {
    for (const bad of ['', '120', '/min', '0/min', '1.5/s', '120/day', 'fast']) {
      assert.throws(
        () => parseRate(bad),
        /is not a rate; use requests per unit: 120\/min, 5\/s or 1000\/h/,
        bad,
      );
    }
  });

  test('refuse a rate so high it limits nothing', () => {
    assert.throws(() => parseRate('99999999999/min'), /more than 1,000,000 requests per min/);
    assert.deepEqual(parseRate('1000000/h'), { limit: 1_000_000, windowSeconds: 3600 });
  });

  test('format back the way they are written', () => {
    assert.equal(formatRate({ limit: 120, windowSeconds: 60 }), '120/min');
    assert.equal(formatRate({ limit: 5, windowSeconds: 1 }), '5/s');
    assert.equal(formatRate({ limit: 9, windowSeconds: 3600 }), '9/h');
  });
});

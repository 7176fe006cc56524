import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KeyUsageFile } from '../../../../src-main/core/keys/key-usage-file.ts';

const now = () => Date.parse('2026-12-02T10:00:00Z');

test('counts survive a restart: recorded, flushed, loaded again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-usage-'));
  const first = new KeyUsageFile(dir);
  await first.load(now, assert.fail);
  first.record('key_a', new Date(now()));
  first.record('key_a', new Date(now()));
  await first.stop();
  const second = new KeyUsageFile(dir);
  await second.load(now, assert.fail);
  second.record('key_a', new Date(now()));
  await second.stop();
  const { value } = await KeyUsageFile.inspect(dir, now);
  assert.deepEqual(value, { key_a: { lastUsedAt: '2026-12-02T10:00:00.000Z', requestCount: 3 } });
});

test('an unreadable usage file is kept aside and reported, then written anew, never overwritten', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-usage-'));
  writeFileSync(join(dir, 'key-usage.json'), '{"key_a": {"lastUsedAt": "yesterday", "requestCount": -1}}');
  const warnings: string[] = [];
  const usage = new KeyUsageFile(dir);
  await usage.load(now, (message) => warnings.push(message));
  assert.match(warnings[0] ?? '', /key-usage\.json could not be read .*kept as .*start again from zero/);
  usage.record('key_b', new Date(now()));
  await usage.stop();
  const aside = readdirSync(dir).find((name) => name.startsWith('key-usage.json.corrupt-'));
  assert.match(readFileSync(join(dir, aside ?? 'missing'), 'utf8'), /yesterday/);
  assert.deepEqual(Object.keys((await KeyUsageFile.inspect(dir, now)).value), ['key_b']);
});

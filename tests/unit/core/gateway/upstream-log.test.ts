import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readLogTail, UpstreamLog, upstreamLogPath } from '../../../../src-main/core/gateway/upstream-log.ts';

test('a server’s log keeps its last lines, and is rotated past 1 MiB with one older file kept', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-log-'));
  const log = new UpstreamLog(dataDir, 'chatty');
  const line = 'x'.repeat(1000);
  for (let i = 0; i < 1500; i += 1) log.write(`${i} ${line}`);
  const path = upstreamLogPath(dataDir, 'chatty');
  assert.ok(statSync(path).size <= 1024 * 1024, 'the current file stays under the cap');
  assert.ok(statSync(`${path}.1`).size > 0, 'the older one is kept beside it');
  assert.match(log.last(1)[0] ?? '', /^1499 x/);
  assert.equal(log.last(500).length, 200, 'memory keeps the last 200 lines only');
  const tail = await readLogTail(path, 2);
  assert.match(tail[1] ?? '', /Z 1499 x/);
  assert.doesNotMatch(readFileSync(path, 'utf8'), /^\S+ 0 x/m, 'the first lines went to the older file');
  assert.deepEqual(await readLogTail(join(dataDir, 'none.log'), 5), []);
});

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { mcpTarget, type AuditEntry } from '../../../../src-main/core/audit/audit-entry.ts';
import { AuditLog } from '../../../../src-main/core/audit/audit-log.ts';
import { recentActivity } from '../../../../src-main/core/audit/recent-activity.ts';

const DAY = 86_400_000;

function entry(time: number, keyId: string): AuditEntry {
  return {
    time: new Date(time).toISOString(),
    keyId,
    keyName: keyId,
    method: 'POST',
    path: '/mcp',
    mcpMethod: 'tools/call',
    tool: 'whoami',
    status: 200,
    durationMs: 1,
    userAgent: null,
    remoteAddress: '127.0.0.1',
  };
}

describe('the audit log', () => {
  test('writes one file per UTC day and pages the newest entries first, per key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-audit-'));
    let now = Date.parse('2026-11-26T23:59:58Z');
    const log = new AuditLog({ dir, now: () => now });
    await log.open();
    for (let i = 0; i < 6; i += 1) {
      log.record(entry(now, i % 2 === 0 ? 'key_a' : 'key_b'));
      now += 1000;
    }
    await log.close();
    assert.deepEqual(readdirSync(dir).sort(), ['audit-2026-11-26.jsonl', 'audit-2026-11-27.jsonl']);

    const first = await recentActivity(dir, { limit: 2 });
    assert.deepEqual(
      first.entries.map((e) => e.time.slice(11, 19)),
      ['00:00:03', '00:00:02'],
    );
    const second = await recentActivity(dir, {
      limit: 2,
      ...(first.nextBefore ? { before: first.nextBefore } : {}),
    });
    assert.deepEqual(
      second.entries.map((e) => e.time.slice(11, 19)),
      ['00:00:01', '00:00:00'],
    );
    const onlyA = await recentActivity(dir, { keyId: 'key_a' });
    assert.deepEqual(
      onlyA.entries.map((e) => e.keyId),
      ['key_a', 'key_a', 'key_a'],
    );
    assert.equal(onlyA.nextBefore, undefined);
  });

  test('keeps 30 days and at most the size budget, dropping the oldest files first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-audit-'));
    const now = Date.parse('2026-11-27T12:00:00Z');
    for (const daysAgo of [45, 31, 29, 2, 1]) {
      const day = new Date(now - daysAgo * DAY).toISOString().slice(0, 10);
      writeFileSync(join(dir, `audit-${day}.jsonl`), 'x'.repeat(1000));
    }
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const log = new AuditLog({ dir, now: () => now, maxBytes: 2500 });
    await log.open();
    assert.deepEqual(readdirSync(dir).sort(), [
      'audit-2026-11-25.jsonl',
      'audit-2026-11-26.jsonl',
      'notes.txt',
    ]);
    await log.close();
  });
});

test('the MCP method and tool of a body, and nothing else of it', () => {
  assert.deepEqual(
    mcpTarget({ method: 'tools/call', params: { name: 'whoami', arguments: { secret: 'x' } } }),
    {
      mcpMethod: 'tools/call',
      tool: 'whoami',
    },
  );
  assert.deepEqual(mcpTarget({ method: 'tools/list' }), { mcpMethod: 'tools/list', tool: null });
  assert.deepEqual(mcpTarget([{ method: 'ping' }]), { mcpMethod: 'batch', tool: null });
  assert.deepEqual(mcpTarget(undefined), { mcpMethod: null, tool: null });
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActivityStatus } from '../../../src-shared/dashboard-contract.ts';
import { statusMatches } from '../../../src-shared/activity-status.ts';
import type { AuditEntry } from './audit-entry.ts';
import { AUDIT_FILE } from './audit-log.ts';

export interface ActivityQuery {
  keyId?: string;
  /** Only requests whose path starts with this (the dashboard shows MCP traffic: "/mcp"). */
  pathPrefix?: string;
  /** Only answers of this kind: served, refused (401/403), limited (429), failed (anything else). */
  status?: ActivityStatus;
  /** Entries strictly older than this time (ISO): the cursor for the next page. */
  before?: string;
  limit?: number;
}

export interface ActivityPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next page; absent when there is no more. */
  nextBefore?: string;
}

/** The newest audit entries first, optionally for one key, a page at a time (for the dashboard). */
export async function recentActivity(dir: string, query: ActivityQuery = {}): Promise<ActivityPage> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => AUDIT_FILE.test(name))
    .sort()
    .reverse();
  const entries: AuditEntry[] = [];
  for (const name of files) {
    if (query.before !== undefined && `audit-${query.before.slice(0, 10)}.jsonl` < name) continue;
    const lines = (await readFile(join(dir, name), 'utf8').catch(() => '')).split('\n');
    for (let index = lines.length - 1; index >= 0; index -= 1) {
      const line = lines[index];
      if (!line) continue;
      let entry: AuditEntry;
      try {
        entry = JSON.parse(line) as AuditEntry;
      } catch {
        continue; // A line cut short by a crash.
      }
      if (query.before !== undefined && entry.time >= query.before) continue;
      if (query.keyId !== undefined && entry.keyId !== query.keyId) continue;
      if (query.pathPrefix !== undefined && !entry.path.startsWith(query.pathPrefix)) continue;
      if (query.status !== undefined && !statusMatches(entry.status, query.status)) continue;
      entries.push(entry);
      if (entries.length === limit) return { entries, nextBefore: entry.time };
    }
  }
  return { entries };
}

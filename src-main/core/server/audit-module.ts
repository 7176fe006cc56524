import { join } from 'node:path';
import { AuditLog } from '../audit/audit-log.ts';
import { recentActivity, type ActivityPage, type ActivityQuery } from '../audit/recent-activity.ts';
import { KeyUsageFile } from '../keys/key-usage-file.ts';
import type { ServerModule } from './server-module.ts';

/** `keys list` shows a request's use within 5 seconds: usage is written at least this often. */
const USAGE_FLUSH_MS = 2_000;

export interface AuditModule extends ServerModule {
  readonly audit: AuditLog;
  readonly usage: KeyUsageFile;
  /** The newest audit entries, a page at a time. */
  activity(query: ActivityQuery): Promise<ActivityPage>;
}

/** The audit log (one line per request) and each key's last use and request count. */
export async function startAudit(
  dataDir: string,
  now: () => number,
  warn: (message: string) => void,
): Promise<AuditModule> {
  const audit = new AuditLog({ dir: join(dataDir, 'logs'), now });
  await audit.open();
  const usage = new KeyUsageFile(dataDir);
  await usage.load(now, warn);
  usage.start(USAGE_FLUSH_MS);
  return {
    name: 'audit',
    audit,
    usage,
    activity: (query) => recentActivity(audit.dir, query),
    close: async () => {
      await usage.stop();
      await audit.close();
    },
  };
}

import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { withFileLock } from '../fs/file-lock.ts';
import { readJsonOrSetAside } from '../fs/json-file.ts';

const OwnersSchema = z.object({
  owners: z.array(z.object({ subject: z.string(), login: z.string(), addedAt: z.string() })),
});

/**
 * The identities that may hold a dashboard session (`<data-dir>/owners.json`). The first account to sign in
 * becomes the owner; more are added in Settings. Everyone else is turned away.
 */
export class OwnerList {
  private readonly path: string;
  private readonly now: () => number;

  constructor(dataDir: string, now: () => number = Date.now) {
    this.path = join(dataDir, 'owners.json');
    this.now = now;
  }

  /** Whether `subject` may sign in, making it the owner when there is none yet. */
  async admit(subject: string, login: string): Promise<boolean> {
    return withFileLock(this.path, async () => {
      const { value } = await readJsonOrSetAside(this.path, OwnersSchema, { owners: [] }, this.now);
      if (value.owners.some((owner) => owner.subject === subject)) return true;
      if (value.owners.length > 0) return false;
      value.owners.push({ subject, login, addedAt: new Date(this.now()).toISOString() });
      await writeFileAtomic(this.path, `${JSON.stringify(value, null, 2)}\n`, 0o600);
      return true;
    });
  }
}

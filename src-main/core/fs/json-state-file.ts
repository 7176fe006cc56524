import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';
import { withFileLock } from './file-lock.ts';
import { readJsonOrSetAside } from './json-file.ts';

/**
 * A small JSON file the app owns (owners, the signed-in account, signed-out sessions): read with a schema
 * (one that cannot be read is kept aside and reported), changed under a lock, written atomically.
 */
export class JsonStateFile<S extends z.ZodType> {
  readonly path: string;
  private readonly schema: S;
  private readonly fallback: () => z.infer<S>;
  private readonly now: () => number;
  private readonly warn: (message: string) => void;

  constructor(options: {
    path: string;
    schema: S;
    fallback: () => z.infer<S>;
    now: () => number;
    warn?: (message: string) => void;
  }) {
    this.path = options.path;
    this.schema = options.schema;
    this.fallback = options.fallback;
    this.now = options.now;
    this.warn = options.warn ?? (() => {});
  }

  async read(): Promise<z.infer<S>> {
    const { value, problem } = await this.inspect();
    if (problem !== undefined) this.warn(`${problem}; starting from empty.`);
    return value;
  }

  /** The value, and what went wrong reading it (the file was set aside), for callers that report it. */
  inspect(): Promise<{ value: z.infer<S>; problem?: string }> {
    return readJsonOrSetAside(this.path, this.schema, this.fallback(), this.now);
  }

  /** Reads, lets `change` alter the value (and say what to return), and writes it back, all under the lock. */
  async change<R>(change: (value: z.infer<S>) => R | Promise<R>): Promise<R> {
    return (await this.changeReporting(change)).result;
  }

  /** As change(), also saying what went wrong reading the file before (it was set aside and replaced). */
  async changeReporting<R>(
    change: (value: z.infer<S>) => R | Promise<R>,
  ): Promise<{ result: R; problem?: string }> {
    return withFileLock(this.path, async () => {
      const { value, problem } = await this.inspect();
      const result = await change(value);
      await writeFileAtomic(this.path, `${JSON.stringify(this.schema.parse(value), null, 2)}\n`, 0o600);
      return problem === undefined ? { result } : { result, problem };
    });
  }
}

import { readFile, rename } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * Reads a JSON file the app owns and checks it against `schema`. A missing file is `missing`; one that does
 * not parse or match is moved aside to `<file>.corrupt-<time>` (kept, never overwritten) and reported in
 * `problem`, with `fallback` as the value.
 */
export async function readJsonOrSetAside<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: z.infer<S>,
  now: () => number,
): Promise<{ value: z.infer<S>; problem?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: fallback };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data };
  const aside = `${path}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, aside).catch(() => {});
  const why = json === undefined ? 'not JSON' : (parsed.error.issues[0]?.message ?? 'not the expected shape');
  return { value: fallback, problem: `${path} could not be read (${why}); it was kept as ${aside}` };
}

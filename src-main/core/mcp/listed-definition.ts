/** Everything of a definition but how it is served: what the lists show. */
type Serving = 'call' | 'read' | 'get' | 'serves' | 'complete' | 'origin' | 'direct';
const SERVING: readonly Serving[] = ['call', 'read', 'get', 'serves', 'complete', 'origin', 'direct'];

/** A tool, resource or prompt definition as `tools/list` (and the other lists) show it. */
export function listed<T extends object>(definition: T): Omit<T, Serving> {
  const shown: Record<string, unknown> = { ...(definition as Record<string, unknown>) };
  for (const key of SERVING) delete shown[key];
  return shown as Omit<T, Serving>;
}

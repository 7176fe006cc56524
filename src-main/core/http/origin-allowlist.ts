import { hostForHeader } from './host-allowlist.ts';

/** The canonical form of an origin (`scheme://host[:port]`, default ports dropped), or undefined if malformed. */
export function canonicalOrigin(value: string): string | undefined {
  if (value === 'null') return undefined;
  try {
    const url = new URL(value);
    if (url.origin === 'null') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** The server's own origins plus those given with `--allow-origin`. */
export function allowedOrigins(
  port: number,
  names: readonly string[],
  extra: readonly string[],
): Set<string> {
  const origins = new Set<string>();
  for (const name of names) {
    const origin = canonicalOrigin(`http://${hostForHeader(name)}:${port}`);
    if (origin) origins.add(origin);
  }
  for (const value of extra) {
    const origin = canonicalOrigin(value);
    if (origin) origins.add(origin);
  }
  return origins;
}

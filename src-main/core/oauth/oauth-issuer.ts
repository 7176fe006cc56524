import { isLoopbackHost } from '../http/host-allowlist.ts';
import { publicHosts } from '../tunnel/public-address.ts';

/**
 * Which issuer a request meets, or undefined where OAuth is off: the public URL on its own host, and, with
 * "OAuth for local clients", the loopback name and port the request came by. Elsewhere the OAuth
 * endpoints answer 404, because local clients given a key start OAuth when they find them.
 */
export function oauthIssuerFor(
  hostHeader: string | undefined,
  publicOrigin: string | undefined,
  oauthLocal: boolean,
): string | undefined {
  if (hostHeader === undefined) return undefined;
  const host = hostHeader.toLowerCase().replace(/\.$/, '').replace(/\.:/, ':');
  if (publicOrigin !== undefined && publicHosts(publicOrigin).includes(host)) return publicOrigin;
  if (!oauthLocal) return undefined;
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return isLoopbackHost(name) ? `http://${host}` : undefined;
}

import { networkInterfaces, hostname } from 'node:os';

export const LOOPBACK_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** `[::1]` for IPv6 literals, the name itself otherwise: the form a Host header uses. */
export function hostForHeader(name: string): string {
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name.toLowerCase();
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** Names under which this machine is reachable from the LAN, for `--allow-lan`. */
export function lanHostnames(): string[] {
  const names = new Set<string>([hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (!address.internal) names.add(hostForHeader(address.address.split('%')[0] ?? address.address));
    }
  }
  return [...names];
}

/**
 * The Host header values the server answers to: each allowed name with the port (and bare, when the port is
 * 80). Anything else is refused, which is what defeats DNS rebinding: a page on evil.example that
 * resolves to 127.0.0.1 still sends `Host: evil.example`.
 */
export function allowedHostHeaders(port: number, names: readonly string[]): Set<string> {
  const headers = new Set<string>();
  for (const name of names) {
    const host = hostForHeader(name);
    headers.add(`${host}:${port}`);
    if (port === 80) headers.add(host);
  }
  return headers;
}

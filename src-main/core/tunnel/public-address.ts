import { hostForHeader } from '../http/host-allowlist.ts';

/** The Host values a public origin arrives with: its name, and its name with the port. */
export function publicHosts(origin: string | undefined): string[] {
  if (origin === undefined) return [];
  const url = new URL(origin);
  const host = hostForHeader(url.hostname);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return [host, `${host}:${port}`];
}

/**
 * The public origin the server answers on (a tunnel's or one set in Settings), kept in one place: setting it
 * adds its host to the Host allowlist and takes the previous one out, so a tunnel's old name is refused as
 * soon as it has a new one. The names the server answered before any public URL (loopback) always stay.
 */
export class PublicAddress {
  /** The running server's live settings, whose public URL this keeps. */
  private readonly live: { publicBaseUrl: string | undefined };
  private readonly allowedHosts: Set<string>;
  private readonly always: Set<string>;
  private readonly listeners: ((origin: string | undefined) => void)[] = [];
  private names: Set<string>;

  constructor(live: { publicBaseUrl: string | undefined }, allowedHosts: Set<string>) {
    this.live = live;
    this.allowedHosts = allowedHosts;
    this.always = new Set(allowedHosts);
    for (const host of publicHosts(live.publicBaseUrl)) allowedHosts.add(host);
    this.names = this.publicNames();
  }

  /** The Host values that mean "came by the public URL" (not loopback), worked out once per URL. */
  private publicNames(): Set<string> {
    return new Set(publicHosts(this.live.publicBaseUrl).filter((name) => !this.always.has(name)));
  }

  get origin(): string | undefined {
    return this.live.publicBaseUrl;
  }

  set(origin: string | undefined): void {
    if (origin === this.live.publicBaseUrl) return;
    for (const host of publicHosts(this.live.publicBaseUrl))
      if (!this.always.has(host)) this.allowedHosts.delete(host);
    this.live.publicBaseUrl = origin;
    for (const host of publicHosts(origin)) this.allowedHosts.add(host);
    this.names = this.publicNames();
    for (const listener of this.listeners) listener(origin);
  }

  /** Whether a request's Host header names the public origin (and not loopback or a LAN name). */
  isPublic(hostHeader: string | undefined): boolean {
    // On every request: a set lookup, no URL parsing.
    if (hostHeader === undefined || this.names.size === 0) return false;
    return this.names.has(hostHeader.toLowerCase().replace(/\.$/, '').replace(/\.:/, ':'));
  }

  onChange(listener: (origin: string | undefined) => void): void {
    this.listeners.push(listener);
  }
}

import { InputError } from '../app-error.ts';
import { hostForHeader, isLoopbackHost, lanHostnames } from '../http/host-allowlist.ts';

const invalid = (message: string) =>
  new InputError('invalid_public_url', message, { field: 'publicBaseUrl' });

/** DNS labels of a host name as URL parsing leaves it: lower case, IDNs in punycode. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The public origin of a tunnel or reverse proxy: `https://` and a host name on the internet, nothing
 * after it (MCP Tray adds `/mcp`). `http://localhost:<port>` is accepted for testing. A loopback name or
 * one of this machine's own addresses is refused: clients on the internet could never reach it, and it
 * would only muddle which names the server answers.
 */
export function normalizePublicUrl(value: string, ownNames: readonly string[] = lanHostnames()): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid(`"${value}" is not a URL; give the tunnel's address, like https://tray.example.com.`);
  }
  if (url.protocol === 'http:' && url.hostname === 'localhost' && url.pathname === '/' && !url.search)
    return url.origin;
  if (url.protocol !== 'https:')
    throw invalid('The public URL must start with https:// (clients on the internet require it).');
  if (url.username !== '' || url.password !== '')
    throw invalid('The public URL cannot hold a user name or password.');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(value.trim()))
    throw invalid(
      'Give only the address, like https://tray.example.com, with no path, query or #fragment: MCP Tray adds /mcp itself.',
    );
  const host = url.hostname;
  if (isLoopbackHost(host) || ownNames.includes(hostForHeader(host)))
    throw invalid(
      `${host} is this computer, which clients on the internet cannot reach. Give the public address of your tunnel (cloudflared, ngrok) or reverse proxy.`,
    );
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith('['))
    throw invalid(
      `Give the tunnel's host name rather than an IP address (${host}): HTTPS certificates name hosts.`,
    );
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1) ?? ''))
    throw invalid(`"${host}" is not a valid host name; give one like tray.example.com.`);
  return url.origin;
}

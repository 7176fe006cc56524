import type { TunnelTool } from '../../../src-shared/tunnel-view.ts';

export { TUNNEL_TOOLS, type TunnelTool } from '../../../src-shared/tunnel-view.ts';

/**
 * How a tool is run for a local port: a quick tunnel (cloudflared, no account; ngrok's random domain), or with
 * a stable name: a named cloudflared tunnel (its token in TUNNEL_TOKEN, its public hostname routed to this port
 * in Cloudflare's dashboard), or an ngrok reserved domain.
 */
export function tunnelArgs(tool: TunnelTool, port: number, hostname?: string): string[] {
  // Tailscale Funnel serves at the machine's own name on the tailnet (stable already), in the foreground.
  if (tool === 'tailscale') return ['funnel', String(port)];
  if (tool === 'cloudflared')
    return hostname === undefined
      ? ['tunnel', '--no-autoupdate', '--url', `http://127.0.0.1:${port}`]
      : ['tunnel', '--no-autoupdate', 'run'];
  return [
    'http',
    String(port),
    ...(hostname === undefined ? [] : ['--url', `https://${hostname}`]),
    '--log',
    'stdout',
    '--log-format',
    'json',
  ];
}

/** What a named cloudflared tunnel needs before it can start, said when it is missing. */
export const NAMED_TUNNEL_TOKEN =
  'A named cloudflared tunnel needs its token (Cloudflare dashboard: Zero Trust > Networks > Tunnels > your tunnel > its install command): paste it in Settings > Expose to the internet, where it goes to the keychain, or set TUNNEL_TOKEN; and its public hostname must be routed to http://127.0.0.1 and this port.';

/** Where the named tunnel's token is kept in the secret store (never in a file or on a command line). */
export const TUNNEL_TOKEN_ACCOUNT = 'tunnel-token';

/** Funnel's address in tailscale's output: the machine's name on its tailnet. */
const FUNNEL = /https:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.ts\.net(?=\/|\s|$)/;

function readTailscaleLine(line: string): { url?: string; problem?: string } {
  const url = FUNNEL.exec(line)?.[0];
  if (url !== undefined) return { url };
  if (/not enabled|access denied|error|not running|logged out/i.test(line)) return { problem: line.trim() };
  return {};
}

/** A quick tunnel's address in cloudflared's output (not api.trycloudflare.com, which it names on failure). */
const QUICK_TUNNEL = /https:\/\/(?!api\.)[a-z0-9-]+\.trycloudflare\.com(?![\w./-])/;

/**
 * What one line of the tool's output says: the public origin it got, or a problem worth telling (ngrok's
 * errors, as its JSON log gives them), or nothing.
 */
export function readTunnelLine(
  tool: TunnelTool,
  line: string,
  hostname?: string,
): { url?: string; problem?: string } {
  if (tool === 'tailscale') return readTailscaleLine(line);
  if (tool === 'cloudflared') {
    // A named tunnel prints no URL: it is its hostname, once a connection to Cloudflare is up.
    if (hostname !== undefined && /Registered tunnel connection/.test(line))
      return { url: `https://${hostname}` };
    const url = hostname === undefined ? QUICK_TUNNEL.exec(line)?.[0] : undefined;
    if (url !== undefined) return { url };
    const failed = /\bERR\b\s+(.*)/.exec(line)?.[1];
    return failed === undefined ? {} : { problem: failed.trim() };
  }
  let entry: { msg?: unknown; url?: unknown; lvl?: unknown; err?: unknown };
  try {
    entry = JSON.parse(line) as typeof entry;
  } catch {
    return {};
  }
  if (entry.msg === 'started tunnel' && typeof entry.url === 'string' && entry.url.startsWith('https://'))
    return { url: new URL(entry.url).origin };
  if ((entry.lvl === 'eror' || entry.lvl === 'crit') && typeof entry.err === 'string')
    return { problem: entry.err.split('\n')[0]!.trim() };
  return {};
}

/** How to install the tool on this OS, with where to download it (never downloaded for the person). */
export function installHint(tool: TunnelTool, platform: NodeJS.Platform): string {
  if (tool === 'tailscale') {
    const how =
      platform === 'darwin'
        ? 'the Tailscale app, or brew install tailscale'
        : platform === 'win32'
          ? 'winget install tailscale.tailscale'
          : 'the tailscale package from pkgs.tailscale.com';
    return `tailscale was not found. Install it (${how}; downloads: https://tailscale.com/download), sign in with "tailscale up", and allow Funnel for this machine in the tailnet's admin console; or give its path with --tunnel-path.`;
  }
  if (tool === 'cloudflared') {
    const how =
      platform === 'darwin'
        ? 'brew install cloudflared'
        : platform === 'win32'
          ? 'winget install --id Cloudflare.cloudflared'
          : "the cloudflared package from Cloudflare's repository (pkg.cloudflare.com) or its .deb/.rpm";
    return `cloudflared was not found. Install it (${how}; downloads: https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/downloads/), or give its path with --tunnel-path.`;
  }
  const how =
    platform === 'darwin'
      ? 'brew install ngrok'
      : platform === 'win32'
        ? 'winget install ngrok.ngrok'
        : 'snap install ngrok';
  return `ngrok was not found. Install it (${how}; downloads: https://ngrok.com/download), then "ngrok config add-authtoken TOKEN" with the token of your ngrok account; or give its path with --tunnel-path.`;
}

/** Said wherever ngrok is offered: its free plan's warning page stops API clients. */
export const NGROK_CAVEAT =
  "ngrok's free plan puts a warning page in front of the site, which API clients such as ChatGPT's and Claude's connectors cannot pass: use cloudflared, or an ngrok domain of a paid plan.";

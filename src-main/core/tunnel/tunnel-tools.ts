/** The tunnel programs MCP Tray runs to get a public HTTPS URL. */
export const TUNNEL_TOOLS = ['cloudflared', 'ngrok'] as const;
export type TunnelTool = (typeof TUNNEL_TOOLS)[number];

/** How a tool is run for a local port (a quick tunnel: no account for cloudflared). */
export function tunnelArgs(tool: TunnelTool, port: number): string[] {
  return tool === 'cloudflared'
    ? ['tunnel', '--no-autoupdate', '--url', `http://127.0.0.1:${port}`]
    : ['http', String(port), '--log', 'stdout', '--log-format', 'json'];
}

/** A quick tunnel's address in cloudflared's output (not api.trycloudflare.com, which it names on failure). */
const QUICK_TUNNEL = /https:\/\/(?!api\.)[a-z0-9-]+\.trycloudflare\.com(?![\w./-])/;

/**
 * What one line of the tool's output says: the public origin it got, or a problem worth telling (ngrok's
 * errors, as its JSON log gives them), or nothing.
 */
export function readTunnelLine(tool: TunnelTool, line: string): { url?: string; problem?: string } {
  if (tool === 'cloudflared') {
    const url = QUICK_TUNNEL.exec(line)?.[0];
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

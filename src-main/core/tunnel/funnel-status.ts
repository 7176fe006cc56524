import { execFile } from 'node:child_process';

/**
 * The Funnel address serving `port`, from `tailscale funnel status --json`: a web entry
 * (`<name>.ts.net:443`) whose handler proxies to this port, open to the internet (AllowFunnel).
 */
export function funnelUrlFromStatus(json: string, port: number): string | undefined {
  let status: {
    Web?: Record<string, { Handlers?: Record<string, { Proxy?: string }> }>;
    AllowFunnel?: Record<string, boolean>;
  };
  try {
    status = JSON.parse(json) as typeof status;
  } catch {
    return undefined;
  }
  const target = new RegExp(`^https?://(127\\.0\\.0\\.1|localhost|\\[::1\\]):${port}/?$`);
  for (const [hostPort, web] of Object.entries(status.Web ?? {})) {
    if (status.AllowFunnel?.[hostPort] !== true) continue;
    const proxies = Object.values(web.Handlers ?? {}).some((handler) => target.test(handler.Proxy ?? ''));
    const [host, servedPort] = hostPort.split(':');
    if (proxies && host !== undefined && /\.ts\.net$/.test(host))
      return servedPort === undefined || servedPort === '443'
        ? `https://${host}`
        : `https://${host}:${servedPort}`;
  }
  return undefined;
}

/** Asks tailscale for its Funnel status (older versions print no address when the funnel starts). */
export function askFunnelStatus(
  program: string,
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(program, ['funnel', 'status', '--json'], { env, timeout: 5_000 }, (error, stdout) =>
      resolve(error === null ? funnelUrlFromStatus(stdout, port) : undefined),
    );
  });
}

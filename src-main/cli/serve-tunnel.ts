import { InputError } from '../core/app-error.ts';
import type { RunningServer } from '../core/server/running-server.ts';
import { normalizePublicUrl } from '../core/settings/settings-controller.ts';
import { TUNNEL_TOOLS, type TunnelTool } from '../core/tunnel/tunnel-tools.ts';

/**
 * `--public-url URL` and `--tunnel TOOL`, checked before anything starts: a URL clients on the internet could
 * not use, or a tool MCP Tray does not run, is refused with the reason (exit 2).
 */
export function publicOptions(values: {
  'public-url'?: string | undefined;
  tunnel?: string | undefined;
  'tunnel-hostname'?: string | undefined;
}): { publicUrl?: string; tool?: TunnelTool; hostname?: string } {
  const tool = tunnelToolOf(values.tunnel);
  const named = values['tunnel-hostname'];
  if (named !== undefined && tool === undefined)
    throw new InputError(
      'usage',
      '--tunnel-hostname names the stable address of a --tunnel; give --tunnel too.',
      {
        field: 'tunnel-hostname',
      },
    );
  if (named !== undefined && tool === 'tailscale')
    throw new InputError(
      'usage',
      "Tailscale Funnel answers at this machine's own name on the tailnet, which is stable already: leave out --tunnel-hostname.",
      { field: 'tunnel-hostname' },
    );
  return {
    ...(values['public-url'] !== undefined && { publicUrl: normalizePublicUrl(values['public-url']) }),
    ...(tool !== undefined && { tool }),
    // The same checks as a public URL's: a host name on the internet, nothing after it.
    ...(named !== undefined && { hostname: new URL(normalizePublicUrl(`https://${named}`)).host }),
  };
}

function tunnelToolOf(value: string | undefined): TunnelTool | undefined {
  if (value === undefined) return undefined;
  const tool = TUNNEL_TOOLS.find((name) => name === value);
  if (tool === undefined)
    throw new InputError(
      'usage',
      `--tunnel is ${TUNNEL_TOOLS.slice(0, -1).join(', ')} or ${TUNNEL_TOOLS.at(-1)}, not "${value}".`,
      {
        field: 'tunnel',
      },
    );
  return tool;
}

/** Starts the tunnel of a running server for this run (not remembered in settings); it stops with the server. */
export async function startTunnel(
  tool: TunnelTool,
  program: string | undefined,
  hostname: string | undefined,
  server: RunningServer,
): Promise<void> {
  await server.tunnel.start(tool, program, false, hostname);
}

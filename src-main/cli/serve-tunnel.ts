import { InputError } from '../core/app-error.ts';
import type { RunningServer } from '../core/server/running-server.ts';
import { normalizePublicUrl } from '../core/settings/settings-controller.ts';
import { TunnelSupervisor } from '../core/tunnel/tunnel-supervisor.ts';
import { TUNNEL_TOOLS, type TunnelTool } from '../core/tunnel/tunnel-tools.ts';
import type { CommandIo } from './command-io.ts';

/**
 * `--public-url URL` and `--tunnel TOOL`, checked before anything starts: a URL clients on the internet could
 * not use, or a tool MCP Tray does not run, is refused with the reason (exit 2).
 */
export function publicOptions(values: { 'public-url'?: string | undefined; tunnel?: string | undefined }): {
  publicUrl?: string;
  tool?: TunnelTool;
} {
  const tool = tunnelToolOf(values.tunnel);
  return {
    ...(values['public-url'] !== undefined && { publicUrl: normalizePublicUrl(values['public-url']) }),
    ...(tool !== undefined && { tool }),
  };
}

function tunnelToolOf(value: string | undefined): TunnelTool | undefined {
  if (value === undefined) return undefined;
  const tool = TUNNEL_TOOLS.find((name) => name === value);
  if (tool === undefined)
    throw new InputError('usage', `--tunnel is ${TUNNEL_TOOLS.join(' or ')}, not "${value}".`, {
      field: 'tunnel',
    });
  return tool;
}

/** Starts the tunnel for a running server; its URL becomes the server's public address. */
export async function startTunnel(
  tool: TunnelTool,
  program: string | undefined,
  server: RunningServer,
  io: CommandIo,
): Promise<TunnelSupervisor> {
  const tunnel = new TunnelSupervisor({
    tool,
    port: server.port,
    program,
    env: io.env,
    publicAddress: server.publicAddress,
    logger: io.logger,
  });
  await tunnel.start();
  return tunnel;
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MCP_PATH } from '../../../src-shared/product.ts';
import {
  allowedHostHeaders,
  hostForHeader,
  isLoopbackHost,
  lanHostnames,
  LOOPBACK_HOSTNAMES,
} from '../http/host-allowlist.ts';
import { allowedOrigins } from '../http/origin-allowlist.ts';
import { describePortHolder } from '../port-holder.ts';
import { nearestFreePort } from '../settings/port-check.ts';
import { keepDeadlines, NO_CONNECTIONS_CHECK } from './connection-deadlines.ts';
import { listenError } from './listen-error.ts';
import type { ServerConfig } from './server-config.ts';

/** Where the server listens and the names it answers to, known once the port is (it may be 0: any free one). */
export interface Listening {
  readonly server: Server;
  readonly port: number;
  /** The Host header values answered; Settings adds a public URL's host to it while the server runs. */
  readonly allowedHosts: Set<string>;
  readonly allowedOrigins: Set<string>;
  /** The MCP endpoint as clients on this computer reach it. */
  readonly mcpUrl: string;
  /** The dashboard's origin on this computer. */
  readonly origin: string;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export const HEADERS_TIMEOUT_MS = 10_000;
export const BODY_TIMEOUT_MS = 60_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/**
 * Listens on the configured address; the request handler is attached later (the allowlists name the port).
 * A port in use is reported with its holder and a nearby port that is free.
 */
export async function startListening(
  config: Pick<ServerConfig, 'host' | 'port' | 'allowLan' | 'allowHosts' | 'allowOrigins'>,
): Promise<Listening> {
  const server = createServer({ connectionsCheckingInterval: NO_CONNECTIONS_CHECK });
  // A client has 10 s to send its headers and then 60 s for its body (a body trickled byte by byte ends
  // there); a kept-alive connection that stays idle 5 s is closed. Answers (event streams) are not timed.
  keepDeadlines(server, { headersMs: HEADERS_TIMEOUT_MS, bodyMs: BODY_TIMEOUT_MS });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    const [holder, freePort] =
      failure.code === 'EADDRINUSE'
        ? await Promise.all([describePortHolder(config.port), nearestFreePort(config.port, config.host)])
        : [];
    throw listenError(failure, config.host, config.port, { holder, freePort });
  }
  const port = (server.address() as AddressInfo).port;
  const names = [
    ...LOOPBACK_HOSTNAMES,
    ...(config.allowLan ? [config.host, ...lanHostnames()] : []),
    ...config.allowHosts,
  ];
  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const displayHost = wildcard ? '127.0.0.1' : hostForHeader(config.host);
  return {
    server,
    port,
    allowedHosts: allowedHostHeaders(port, names),
    allowedOrigins: allowedOrigins(port, names, config.allowOrigins),
    mcpUrl: `http://${displayHost}:${port}${MCP_PATH}`,
    origin: `http://${isLoopbackHost(displayHost) ? displayHost : '127.0.0.1'}:${port}`,
  };
}

/**
 * Stops accepting, lets requests in flight finish for up to `graceMs`, then cuts what is left. `ending` runs
 * once no new request can come (the dashboard ends its event streams there, which would otherwise stay open).
 */
export function stopListening(server: Server, graceMs: number, ending: () => void = () => {}): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    // A keep-alive connection whose last answer ends after this point would otherwise stay open until its
    // keep-alive timeout (5 s): close connections as they fall idle.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    sweep.unref();
    server.close(() => {
      clearTimeout(force);
      clearInterval(sweep);
      resolve();
    });
    ending();
    server.closeIdleConnections();
  });
}

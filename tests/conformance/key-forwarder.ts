import { createServer, request, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/**
 * The conformance suite cannot send an API key header (and some of its scenarios drop the URL's query), so
 * it talks to this loopback forwarder, which adds `X-API-Key` and passes everything else through byte for
 * byte. Host and Origin naming the forwarder are renamed to the server's own port; any other Host or Origin
 * (the suite's DNS-rebinding probes) reaches the real server untouched, so its guards are what is tested.
 */
export async function startKeyForwarder(
  targetPort: number,
  apiKey: string,
): Promise<{ url: string; close(): Promise<void> }> {
  let ownPort = 0;
  const rename = (value: string | undefined) =>
    value?.replace(
      new RegExp(`^((?:https?://)?(?:127\\.0\\.0\\.1|localhost)):${ownPort}$`),
      `$1:${targetPort}`,
    );
  const server: Server = createServer((req, res) => {
    const headers = {
      ...req.headers,
      host: rename(req.headers.host),
      'x-api-key': req.headers['x-api-key'] ?? apiKey,
    };
    if (req.headers.origin !== undefined) headers.origin = rename(req.headers.origin);
    const upstream = request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers, agent: false },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.rawHeaders);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  ownPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${ownPort}/mcp`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

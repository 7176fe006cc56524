import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { rawRequest } from './raw-http.ts';
import { runCli, startServe, type ServeProcess } from './serve-process.ts';

/** A link's path and query, to request it over a raw socket. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * A real `mcp-tray serve` (file secret store) for the tests of the calling file, and a signed-in browser's
 * session on it, got the way a person gets one: a link from `mcp-tray dashboard`.
 */
export function webDashboardDuringTests(args: string[] = []) {
  let server: ServeProcess | undefined;
  let dataDir = '';
  let session = '';
  const running = () => {
    if (server === undefined) throw new Error('the test server has not started');
    return server;
  };
  const freshSession = async () => {
    const link = await runCli(['dashboard', '--port', String(running().port), '--data-dir', dataDir]);
    const login = await rawRequest(running().port, { path: pathOf(link.stdout.trim()) });
    return String(login.headers['set-cookie']).split(';')[0] ?? '';
  };
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-web-'));
    server = await startServe({
      dataDir,
      args: ['--secret-store', 'file', ...args],
      env: { MCP_API_KEYS: '' },
    });
    session = await freshSession();
  });
  after(async () => {
    await server?.stop();
  });
  return {
    server: running,
    dataDir: () => dataDir,
    freshSession,
    /** The session cookie (`name=value`), for requests made by hand. */
    cookie: () => session,
    /** Makes `invoke` use another session (one got from the link serve printed, say). */
    useSession(cookie: string): void {
      session = cookie;
    },
    /** One dashboard call over /api with this session and the CSRF header (both overridable). */
    invoke(channel: string, input: unknown = {}, headers: Record<string, string> = {}) {
      return rawRequest(running().port, {
        method: 'POST',
        path: `/api/invoke/${channel}`,
        headers: {
          'content-type': 'application/json',
          'x-mcp-tray-request': '1',
          cookie: session,
          ...headers,
        },
        body: JSON.stringify(input),
      });
    },
  };
}

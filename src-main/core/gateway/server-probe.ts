import type { Tool } from '@modelcontextprotocol/client';
import { exitReason } from './child-process-transport.ts';
import { publicName } from './gateway-offer.ts';
import type { ServerEntry } from './server-entry.ts';
import { UpstreamAsks } from './upstream-asks.ts';
import { connectUpstream, type ConnectDeps } from './upstream-connect.ts';
import { listEverything } from './upstream-lists.ts';

/** How long a new server may take to start and list its tools when it is added. */
export const PROBE_TIMEOUT_MS = 30_000;
const STDERR_LINES = 5;

/** What starting a new server once showed: its tools, or why it did not start (`missing`: no such command). */
export type Probe = { started: true; tools: Tool[] } | { started: false; reason: string; missing: boolean };

/**
 * Starts a server just added (or reaches it) once, lists its tools and stops it again, everything it
 * started included: so that adding it can say whether it works, refuse names that would collide, and
 * approve the tools the person saw.
 */
export async function probeServer(
  entry: ServerEntry,
  deps: ConnectDeps,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<Probe> {
  const stderr: string[] = [];
  let exit = '';
  const hooks = {
    stderr: (line: string) => void stderr.splice(0, stderr.length - STDERR_LINES + 1, line),
    stray: () => {},
    exit: (code: number | null, signal: NodeJS.Signals | null) => void (exit = exitReason(code, signal)),
  };
  let stop = async () => {};
  const attempt = (async (): Promise<Probe> => {
    const { client } = await connectUpstream(
      entry,
      { ...deps, connectTimeoutMs: timeoutMs },
      hooks,
      new UpstreamAsks(entry.name),
    );
    stop = () => client.close().catch(() => {});
    return { started: true, tools: (await listEverything(client)).tools };
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Probe>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ started: false, reason: `it did not answer within ${timeoutMs / 1000} s`, missing: false }),
      timeoutMs + 1_000,
    );
  });
  try {
    return await Promise.race([
      attempt.catch((error: Error): Probe => {
        const said = stderr.length > 0 ? ` (it said: ${stderr.join(' / ')})` : '';
        const reason = /timed out/i.test(error.message)
          ? `it did not answer within ${timeoutMs / 1000} s`
          : exit !== '' && /closed/i.test(error.message)
            ? exit
            : error.message;
        return { started: false, reason: `${reason}${said}`, missing: /\(ENOENT\)/.test(error.message) };
      }),
      late,
    ]);
  } finally {
    clearTimeout(timer);
    // A late start is stopped as soon as it connects.
    void attempt.then(
      () => stop(),
      () => {},
    );
    await stop();
  }
}

/** A tool of a new server whose public name another server (or a built-in) has already. */
export interface Clash {
  tool: string;
  as: string;
  owner: string;
}

/** The new server's tools whose public names are taken by a built-in or another server's approved tools. */
export function clashes(
  entry: ServerEntry,
  tools: readonly Tool[],
  others: readonly ServerEntry[],
  builtIn: readonly string[],
): Clash[] {
  const owners = new Map<string, string>(builtIn.map((name) => [name, 'MCP Tray’s built-in tool']));
  for (const other of others)
    for (const tool of Object.keys(other.approvedTools ?? {}))
      owners.set(publicName(other.prefix, tool), `the server "${other.name}"`);
  return tools.flatMap((tool) => {
    const as = publicName(entry.prefix, tool.name);
    const owner = owners.get(as);
    return owner === undefined ? [] : [{ tool: tool.name, as, owner }];
  });
}

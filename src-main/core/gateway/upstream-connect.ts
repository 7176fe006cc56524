import type { Client } from '@modelcontextprotocol/client';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import { ChildProcessTransport, type ChildHooks } from './child-process-transport.ts';
import type { ServerEntry } from './server-entry.ts';
import { readServerSecrets } from './server-secrets.ts';
import { FORWARDED_CAPABILITIES, type UpstreamAsks } from './upstream-asks.ts';
import { launchPlan, type LaunchHost } from './upstream-launch.ts';

/** How long an upstream may take to answer `initialize`: `npx` may download the server first. */
const CONNECT_TIMEOUT_MS = 60_000;

export interface ConnectDeps {
  secrets: SecretStore;
  /** The machine a stdio server starts on (its login PATH is read once, when first needed). */
  host: () => Promise<LaunchHost>;
  version: string;
  /** How long the handshake may take (a minute unless said: `npx` may download the server first). */
  connectTimeoutMs?: number;
}

export interface Connected {
  client: Client;
  /** The upstream's process, for stdio servers. */
  pid: number | null;
}

/**
 * Starts (stdio) or reaches (remote) one upstream and completes the MCP handshake with it, its secret
 * values read from the secret store at that moment and passed only to it. What it asks of its client
 * (sampling, elicitation, roots) goes to `asks`.
 */
export async function connectUpstream(
  entry: ServerEntry,
  deps: ConnectDeps,
  hooks: ChildHooks,
  asks: UpstreamAsks,
): Promise<Connected> {
  const { values, missing } = await readServerSecrets(deps.secrets, entry);
  if (missing.length > 0)
    throw new Error(
      `its secret ${missing.length === 1 ? 'value' : 'values'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing from ${deps.secrets.label}; remove the server and add it again with ${missing.length === 1 ? 'it' : 'them'}`,
    );
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  if (entry.kind === 'remote') {
    // A remote may speak either era: the SDK client asks (server/discover) and falls back to initialize.
    const client = new Client(
      { name: PRODUCT_NAME, version: deps.version },
      { capabilities: FORWARDED_CAPABILITIES, versionNegotiation: { mode: 'auto' } },
    );
    asks.answerOn(client);
    const transport = new StreamableHTTPClientTransport(new URL(entry.url), {
      requestInit: { headers: { ...entry.headers, ...values } },
    });
    client.onclose = () => hooks.exit(null, null);
    await client.connect(transport, { timeout: deps.connectTimeoutMs ?? CONNECT_TIMEOUT_MS });
    return { client, pid: null };
  }
  const client = new Client(
    { name: PRODUCT_NAME, version: deps.version },
    { capabilities: FORWARDED_CAPABILITIES },
  );
  asks.answerOn(client);
  const transport = new ChildProcessTransport(launchPlan(entry, values, await deps.host()), hooks);
  try {
    await client.connect(transport, { timeout: deps.connectTimeoutMs ?? CONNECT_TIMEOUT_MS });
  } catch (error) {
    await transport.close();
    throw error;
  }
  return { client, pid: transport.pid ?? null };
}

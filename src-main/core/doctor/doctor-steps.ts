import { MCP_PATH, PRODUCT_NAME } from '../../../src-shared/product.ts';

import type { DoctorStep } from '../../../src-shared/doctor-view.ts';
import { walkOAuth } from './oauth-steps.ts';
import { searchFetchStep } from './search-fetch-step.ts';

export type { DoctorStep } from '../../../src-shared/doctor-view.ts';

const TIMEOUT_MS = 10_000;

async function get(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
}

/**
 * Walks a public MCP URL the way ChatGPT's and Claude's connectors do, step by step: the address answers
 * through the tunnel, with JSON and no warning page in front; /mcp without a key is refused with a challenge;
 * with the key, MCP connects and lists tools. Each step says what it met; the first failure has its fix.
 */
export async function walkPublicUrl(origin: string, key: string | undefined): Promise<DoctorStep[]> {
  const steps: DoctorStep[] = [];
  const mcp = `${origin}${MCP_PATH}`;
  let health: Response;
  try {
    health = await get(`${origin}/healthz`);
  } catch (error) {
    steps.push({
      name: 'reachable',
      outcome: 'fail',
      detail: `${origin} did not answer (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}).`,
      fix: 'Check that the tunnel is on (Settings > Expose to the internet, or serve --tunnel) and that this is its current address.',
    });
    return steps;
  }
  const type = health.headers.get('content-type') ?? '';
  if (type.includes('text/html')) {
    steps.push({
      name: 'no warning page',
      outcome: 'fail',
      detail: `${origin} answers with a web page (HTTP ${health.status}), not MCP Tray: a tunnel's warning page (ngrok's free plan) or another site.`,
      fix: 'Use cloudflared, or an ngrok domain of a paid plan, or check that the address leads to this computer.',
    });
    return steps;
  }
  steps.push({
    name: 'reachable',
    outcome: health.ok ? 'pass' : 'fail',
    detail: `GET ${origin}/healthz: HTTP ${health.status}.`,
    ...(!health.ok && {
      fix: `The address answers but is not ${PRODUCT_NAME} (or not its public address): check the tunnel.`,
    }),
  });
  if (!health.ok) return steps;
  const refused = await get(mcp, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  const challenge = refused.headers.get('www-authenticate');
  steps.push({
    name: 'refused without a key',
    outcome: refused.status === 401 && challenge !== null ? 'pass' : 'fail',
    detail: `POST ${mcp} without a key: HTTP ${refused.status}${challenge === null ? ', no WWW-Authenticate' : `, WWW-Authenticate: ${challenge.split(' ')[0]}`}.`,
    ...(refused.status !== 401 && {
      fix: 'Anyone on the internet could use this server: it must refuse requests without a key.',
    }),
  });
  if (refused.status !== 401) return steps;
  steps.push(...(await walkOAuth(origin, challenge, get)));
  if (steps.some((step) => step.outcome === 'fail')) return steps;
  if (key === undefined) {
    steps.push({
      name: 'tools/list',
      outcome: 'skip',
      detail: 'No key given (--key or MCP_TRAY_KEY): MCP itself was not tried.',
    });
    return steps;
  }
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  const client = new Client({ name: `${PRODUCT_NAME} doctor`, version: '1.0.0' });
  try {
    await client.connect(
      new StreamableHTTPClientTransport(new URL(mcp), { requestInit: { headers: { 'X-API-Key': key } } }),
      { timeout: TIMEOUT_MS },
    );
    const { tools } = await client.listTools(undefined, { timeout: TIMEOUT_MS });
    steps.push({
      name: 'tools/list',
      outcome: 'pass',
      detail: `Connected with the key; ${tools.length} tools.`,
    });
    steps.push(searchFetchStep(tools));
  } catch (error) {
    steps.push({
      name: 'tools/list',
      outcome: 'fail',
      detail: `MCP with the key failed: ${(error as Error).message.slice(0, 300)}`,
      fix: 'Check the key (mcp-tray keys list): revoked, expired, or without tools:list.',
    });
  } finally {
    await client.close().catch(() => {});
  }
  return steps;
}

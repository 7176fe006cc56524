import type { ConnectionTest } from '../../../src-shared/dashboard-contract.ts';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import { CONNECTION_TEST_HEADER, connectionTestMark } from './connection-test-mark.ts';

const FIXES: Record<number, { message: string; fix: string }> = {
  401: {
    message: 'The server refused the key (401).',
    fix: 'The key is revoked, rotated or expired: copy it again, or rotate it.',
  },
  403: {
    message: 'The key may not list tools (403).',
    fix: 'Give the key the tools:list permission (Edit), or use a key that has it.',
  },
  429: {
    message: 'The key is over its rate limit, or this address is locked out after wrong keys (429).',
    fix: 'Wait a minute and test again.',
  },
  503: { message: 'MCP serving is paused (503).', fix: 'Press Start in the header to resume it.' },
};

/** A real MCP connect and tools/list against the running server with this key, as a client would do it. */
export async function testConnection(
  mcpUrl: string,
  secret: string,
  timeoutMs = 10_000,
): Promise<ConnectionTest> {
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  const client = new Client({ name: `${PRODUCT_NAME} connection test`, version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
    requestInit: {
      headers: {
        'X-API-Key': secret,
        'User-Agent': `${PRODUCT_NAME} connection test`,
        [CONNECTION_TEST_HEADER]: connectionTestMark(),
      },
    },
  });
  try {
    await client.connect(transport, { timeout: timeoutMs });
    const { tools } = await client.listTools(undefined, { timeout: timeoutMs });
    return { ok: true, tools: tools.map((tool) => tool.name) };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // The SDK's HTTP errors carry the status in data.status; older paths only say it in the message.
    const status =
      (error as { data?: { status?: number } }).data?.status ??
      (/Unauthorized/i.test(text) ? 401 : Number(/\b(401|403|429|503)\b/.exec(text)?.[1] ?? NaN));
    const known = FIXES[status];
    if (known) return { ok: false, error: { status, ...known } };
    if (/ECONNREFUSED|fetch failed/i.test(text)) {
      return {
        ok: false,
        error: {
          message: 'Nothing answers at the MCP URL.',
          fix: 'Start the server (Start in the header) and test again.',
        },
      };
    }
    return {
      ok: false,
      error: {
        message: `The connection failed: ${text.slice(0, 300)}`,
        fix: 'Check the server log for details.',
      },
    };
  } finally {
    await client.close().catch(() => {});
  }
}

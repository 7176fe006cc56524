import type { CallToolResult, Client } from '@modelcontextprotocol/client';
import type { CallContext } from '../tools/tool-provider.ts';

/** A tool call may run this long (longer while it reports progress). */
const CALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Takes an upstream's tool result as it is. The SDK client's own check of it (a schema union, with error
 * messages built for the branches that do not match) was the gateway's largest cost per call; the result
 * is checked again anyway where MCP Tray's server sends it on.
 */
const AS_IS = {
  '~standard': {
    version: 1 as const,
    vendor: 'mcp-tray',
    validate: (value: unknown) => ({ value: value as CallToolResult }),
  },
};

export const errorResult = (text: string): CallToolResult => ({
  content: [{ type: 'text', text }],
  isError: true,
});

/** A call of a tool a server offered when it was approved, but no longer since it started. */
export const heldBackSinceStart = (server: string, tool: string): CallToolResult =>
  errorResult(
    `The tool ${tool} of "${server}" is held back since the server started: it changed or went away. Approve it in MCP Tray's Servers if you trust the change.`,
  );

/**
 * One tool call passed on to an upstream: the caller's cancellation and progress carried through, and any
 * failure (the server gone mid-call, a timeout) answered as an error result that names the server.
 */
export async function callUpstreamTool(
  client: Client,
  server: string,
  tool: string,
  args: Record<string, unknown>,
  context: CallContext,
): Promise<CallToolResult> {
  const params = { name: tool, arguments: args };
  const options = {
    signal: context.signal,
    onprogress: ({ progress, total, message }: { progress: number; total?: number; message?: string }) =>
      context.progress(progress, total, message),
    timeout: CALL_TIMEOUT_MS,
    resetTimeoutOnProgress: true,
  };
  try {
    // A 2026-07-28 upstream goes through callTool, which also sends the headers its tools declare.
    if (client.getProtocolEra() === 'modern')
      return (await client.callTool(params, options)) as CallToolResult;
    return (await client.request({ method: 'tools/call', params }, AS_IS, options)) as CallToolResult;
  } catch (error) {
    return errorResult(`The server "${server}" did not answer ${tool}: ${(error as Error).message}`);
  }
}

import type { CallToolResult, Client } from '@modelcontextprotocol/client';
import type { CallContext } from '../tools/tool-provider.ts';

/** A tool call may run this long (longer while it reports progress). */
const CALL_TIMEOUT_MS = 10 * 60_000;

export const errorResult = (text: string): CallToolResult => ({
  content: [{ type: 'text', text }],
  isError: true,
});

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
  try {
    return (await client.callTool(
      { name: tool, arguments: args },
      {
        signal: context.signal,
        onprogress: ({ progress, total, message }) => context.progress(progress, total, message),
        timeout: CALL_TIMEOUT_MS,
        resetTimeoutOnProgress: true,
      },
    )) as CallToolResult;
  } catch (error) {
    return errorResult(`The server "${server}" did not answer ${tool}: ${(error as Error).message}`);
  }
}

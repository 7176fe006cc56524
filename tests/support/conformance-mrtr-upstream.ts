// A Streamable HTTP MCP server of the 2026-07-28 era (the v2 SDK's createMcpHandler, both eras on one
// endpoint) with the conformance suite's fixture that asks by returning `input_required` rather than by a
// request: `test_input_required_result_elicitation` asks for `user_name`, then greets whoever it names.
// Behind MCP Tray's gateway (a remote upstream: MCP Tray asks remotes which era they speak) it shows that an
// upstream's own input keys reach a 2026-07-28 client as they are. Prints its URL on stdout.
import { createServer } from 'node:http';
import { createMcpHandler, inputRequired, Server, type CallToolResult } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const TOOL = {
  name: 'test_input_required_result_elicitation',
  description: 'Asks the user for their name with input_required, then greets them.',
  inputSchema: { type: 'object' as const, properties: {} },
};

function build(): Server {
  const server = new Server(
    { name: 'conformance-mrtr-fixtures', version: '1.0.0' },
    { capabilities: { tools: {} } },
  );
  server.setRequestHandler('tools/list', () => ({ tools: [TOOL] }));
  server.setRequestHandler('tools/call', (request, ctx) => {
    if (request.params.name !== TOOL.name) throw new Error(`Unknown tool ${request.params.name}`);
    const answer = ctx.mcpReq.inputResponses?.['user_name'] as { content?: { name?: unknown } } | undefined;
    if (answer === undefined)
      return inputRequired({
        inputRequests: {
          user_name: inputRequired.elicit({
            message: 'What is your name?',
            requestedSchema: {
              type: 'object',
              properties: { name: { type: 'string' } },
              required: ['name'],
            },
          }),
        },
      }) as never;
    const result: CallToolResult = {
      content: [{ type: 'text', text: `Hello, ${String(answer.content?.name ?? 'stranger')}!` }],
    };
    return result;
  });
  return server;
}

const serve = toNodeHandler(createMcpHandler(() => build()));
const http = createServer((req, res) => void serve(req, res));
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/mcp\n`);
});
process.on('SIGTERM', () => http.close(() => process.exit(0)));

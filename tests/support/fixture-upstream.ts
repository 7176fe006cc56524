// A small stdio MCP server for the gateway's tests, started by MCP Tray like any user's server. It can crash
// on demand, start a child of its own (to check that stopping it leaves no orphan), report progress, and
// change what its tool says it does (FIXTURE_DESCRIPTION_FILE, read at start): the shape of tool poisoning.
// It also asks its client for roots mid-call (ask_roots), as a 2025-era server does.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const descriptionFile = process.env['FIXTURE_DESCRIPTION_FILE'];
const description =
  descriptionFile === undefined
    ? 'Repeats the text it is given.'
    : readFileSync(descriptionFile, 'utf8').trim();

// Some servers print a banner on stdout; the gateway must set it aside, not fail on it.
process.stdout.write('fixture upstream starting (not MCP)\n');
process.stderr.write(`fixture upstream pid ${process.pid}\n`);

const server = new McpServer({ name: 'fixture-upstream', version: '1.0.0' });
server.registerTool('repeat', { description, inputSchema: { text: z.string() } }, async ({ text }) => ({
  content: [{ type: 'text', text: `repeated: ${text}` }],
}));
server.registerTool('crash', { description: 'Exits at once, mid-call.', inputSchema: {} }, async () => {
  process.stderr.write('fixture upstream crashing on request\n');
  process.exit(3);
});
server.registerTool(
  'spawn_child',
  { description: 'Starts a long-lived child process and answers its pid.', inputSchema: {} },
  async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    return { content: [{ type: 'text', text: String(child.pid) }] };
  },
);
server.registerTool(
  'slow',
  { description: 'Reports progress three times, then answers.', inputSchema: {} },
  async (_args, extra) => {
    const token = extra._meta?.progressToken;
    for (let step = 1; step <= 3; step += 1) {
      if (token !== undefined)
        await extra.sendNotification({
          method: 'notifications/progress',
          params: { progressToken: token, progress: step, total: 3 },
        });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { content: [{ type: 'text', text: 'done slowly' }] };
  },
);
server.registerTool(
  'env',
  { description: 'Answers the value of one environment variable.', inputSchema: { name: z.string() } },
  async ({ name }) => ({ content: [{ type: 'text', text: process.env[name] ?? '(unset)' }] }),
);
server.registerTool(
  'wait_for_cancel',
  { description: 'Waits until the call is cancelled (or 30 s), saying so on stderr.', inputSchema: {} },
  async (_args, extra) => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 30_000);
      extra.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        process.stderr.write('fixture upstream: call cancelled\n');
        resolve();
      });
    });
    return { content: [{ type: 'text', text: 'not cancelled' }] };
  },
);
server.registerTool(
  'ask_roots',
  { description: 'Asks its client for its roots, mid-call, and answers them.', inputSchema: {} },
  async () => {
    const { roots } = await server.server.listRoots();
    return { content: [{ type: 'text', text: roots.map((root) => root.uri).join(' ') || '(no roots)' }] };
  },
);
server.registerPrompt(
  'greet',
  { description: 'Greets someone.', argsSchema: { who: z.string() } },
  ({ who }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Hello, ${who}!` } }] }),
);
server.registerResource('readme', 'fixture://readme', { mimeType: 'text/plain' }, async (uri) => ({
  contents: [{ uri: uri.href, text: 'fixture readme' }],
}));

await server.connect(new StdioServerTransport());

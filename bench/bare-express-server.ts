// The baseline: a bare Express app that answers a tools/call body with a fixed JSON-RPC result, with no
// MCP SDK, no auth and no guards. Started as its own process so it and MCP Tray get a core each.
import express from 'express';

const app = express();
app.use(express.json({ limit: '4mb' }));
app.post('/mcp', (req, res) => {
  const body = req.body as { id?: number };
  res.json({
    jsonrpc: '2.0',
    id: body.id ?? null,
    result: {
      content: [{ type: 'text', text: '{"keyName":"Bench"}' }],
      structuredContent: { keyName: 'Bench' },
    },
  });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/mcp\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

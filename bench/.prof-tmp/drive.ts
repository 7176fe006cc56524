import autocannon from 'autocannon';
const [url, era, secs] = process.argv.slice(2);
const META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
const modern = era === 'modern';
const r = await autocannon({ url, connections: 10, duration: Number(secs ?? 5), method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'x-api-key': 'mcp_bench_0123456789abcdefghijklmnopqrstuv',
   ...(modern ? { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'whoami' } : { 'mcp-protocol-version': '2025-11-25' }) },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'whoami', arguments: {}, ...(modern ? { _meta: META } : {}) } }) });
console.log(era, r.requests.average, 'rps p99', r.latency.p99, 'non2xx', r.non2xx);

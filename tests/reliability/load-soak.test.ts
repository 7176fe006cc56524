import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import autocannon from 'autocannon';
import { startSecretService, type SecretService } from '../support/secret-service.ts';
import { FULL_KEY, startServe, type ServeProcess } from '../support/serve-process.ts';

// Load: authenticated tools/call requests over 10 keep-alive connections, both protocol eras in turn on each
// connection. A warm-up in rounds of 20,000 lets the heap reach its working size (until a round grows the RSS
// by under 3 %); 20,000 more must leave the RSS within 1.10 of what it was after the warm-up, every answer a
// 200 carrying the tool's result, and nothing in the server's log at warn or error. SOAK_REQUESTS changes the
// round and the soak (to soak for longer by hand).
// Serve runs with a real keychain, as on a desktop: without one it warns (in the background, at a moment
// that depends on the machine) that OAuth's signing key lasts one run only.
let keyring: SecretService;
let serving: ServeProcess | undefined;
const server = () => serving ?? assert.fail('serve has not started');
before(async () => {
  keyring = await startSecretService();
  serving = await startServe({ args: ['--rate-limit', '1000000/min'], env: keyring.env });
});
after(async () => {
  await serving?.stop();
  await keyring.stop();
});
const REQUESTS = Number(process.env['SOAK_REQUESTS'] ?? 20_000);

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'soak', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
const COMMON = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'x-api-key': FULL_KEY,
};
const call = (id: number, meta?: object) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name: 'whoami', arguments: {}, ...(meta && { _meta: meta }) },
  });
const ERAS = [
  { headers: { ...COMMON, 'mcp-protocol-version': '2025-11-25' }, body: call(1) },
  {
    headers: {
      ...COMMON,
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'whoami',
    },
    body: call(2, ENVELOPE),
  },
];

const rssMiB = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server().child.pid}/status`, 'utf8'))?.[1]) / 1024;

async function load(amount: number) {
  let wrong = 0;
  const result = await autocannon({
    url: `${server().url}`,
    connections: 10,
    amount,
    method: 'POST',
    requests: ERAS.map((era) => ({
      ...era,
      method: 'POST' as const,
      onResponse: (status: number, body: string) => {
        if (status !== 200 || !body.includes('"structuredContent":{"keyId"')) wrong += 1;
      },
    })),
  });
  const fiveHundreds = result['5xx'];
  return { result, wrong, fiveHundreds };
}

test(`${REQUESTS.toLocaleString('en')} tools/call requests after a warm-up to the working heap: RSS within 1.10, no 5xx`, async () => {
  const idle = rssMiB();
  // Warm up in rounds of as many requests until a round grows the RSS by under 3 % (8 rounds at most).
  let warmed = 0;
  let fiveHundreds = 0;
  let afterWarmUp = rssMiB();
  for (let round = 0; round < 8; round += 1) {
    const warm = await load(REQUESTS);
    assert.equal(warm.wrong, 0, 'every warm-up answer is the tool’s result');
    warmed += REQUESTS;
    fiveHundreds += warm.fiveHundreds;
    const now = rssMiB();
    const settled = round > 0 && now < afterWarmUp * 1.03;
    afterWarmUp = now;
    if (settled) break;
  }
  const soak = await load(REQUESTS);
  const afterSoak = rssMiB();
  const ratio = afterSoak / afterWarmUp;
  console.log(
    `load: ${warmed.toLocaleString('en')} warm-up and ${REQUESTS.toLocaleString('en')} soak requests, ${Math.round(soak.result.requests.average)} req/s, ` +
      `p99 ${soak.result.latency.p99} ms; RSS ${idle.toFixed(0)} MiB idle, ${afterWarmUp.toFixed(0)} MiB after the ` +
      `warm-up, ${afterSoak.toFixed(0)} MiB after the soak: ratio ${ratio.toFixed(2)}`,
  );
  assert.equal(soak.result.errors, 0, 'no connection errors');
  assert.equal(soak.result.timeouts, 0, 'no timeouts');
  assert.equal(fiveHundreds + soak.fiveHundreds, 0, 'no 5xx');
  assert.equal(soak.wrong, 0, 'every answer is a 200 with the tool’s result');
  assert.ok(soak.result.requests.total >= REQUESTS, `${soak.result.requests.total} requests answered`);
  assert.ok(ratio <= 1.1, `RSS grew by ${ratio.toFixed(2)} over the soak`);
  const complaints = server()
    .stderr()
    .split('\n')
    .filter((line) => / (warn|error) /.test(line) || /^\s+at /.test(line));
  assert.deepEqual(
    complaints,
    [],
    'nothing logged at warn or error, from the start to the end of the load, no stack',
  );
  assert.equal(server().child.exitCode, null, 'still running');
});

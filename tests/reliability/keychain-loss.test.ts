import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { JSON_RPC_HEADERS, rawRequest } from '../support/raw-http.ts';
import { runCli, startServe, type ServeProcess } from '../support/serve-process.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';

// The keychain daemon stops answering (frozen), then dies (and comes back locked, as D-Bus restarts it),
// while clients keep calling: every call is served with the keys the server has, and a key change fails
// within 10 seconds with a message that says what to do, never a stack.
const CHANGE_LIMIT_MS = 10_000;

let keyring: SecretService;
let server: ServeProcess;
let dataDir: string;
let secret = '';

before(async () => {
  keyring = await startSecretService();
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-keychain-loss-'));
  const made = await runCli(
    ['keys', 'create', '--name', 'Cursor', '--rate-limit', '1000000/min', '--data-dir', dataDir],
    keyring.env,
  );
  assert.equal(made.code, 0, made.stderr);
  secret = made.stdout.trim();
  server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: '' } });
});
after(async () => {
  await server?.stop();
  await keyring.stop();
});

/** Calls whoami over and over until `done` settles; counts the answers by status. */
async function callsDuring(done: Promise<unknown>): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let finished = false;
  void done.finally(() => (finished = true));
  const client = async () => {
    while (!finished) {
      const res = await rawRequest(server.port, {
        method: 'POST',
        path: '/mcp',
        headers: { ...JSON_RPC_HEADERS, 'x-api-key': secret },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'whoami' } }),
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all([client(), client(), client(), done]);
  return statuses;
}

async function timedChange(name: string) {
  const started = Date.now();
  const result = await runCli(['keys', 'create', '--name', name, '--data-dir', dataDir], keyring.env);
  return { ...result, ms: Date.now() - started };
}

for (const [what, lose, message] of [
  ['frozen (it takes calls and never answers)', () => keyring.freeze(), /did not answer in time/],
  ['killed, and started again locked by D-Bus', () => keyring.crash(), /locked|no unlocked login keyring/i],
] as const) {
  test(`keychain ${what}: serving goes on, a key change fails within 10 s with what to do`, async () => {
    await lose();
    const change = timedChange(`New ${what.split(' ')[0]}`);
    // Calls go on for two seconds at least, however soon the change fails.
    const statuses = await callsDuring(Promise.all([change, sleep(2_000)]));
    const { code, stderr, ms } = await change;
    const served = statuses.get(200) ?? 0;
    console.log(
      `keychain ${what}: ${served} calls served meanwhile, ${JSON.stringify([...statuses])}; change failed after ${ms} ms`,
    );
    assert.deepEqual([...statuses.keys()], [200], 'every call served with the key the server has');
    assert.ok(served > 10, `${served} calls served`);
    assert.equal(code, 3, stderr);
    assert.match(stderr, message);
    assert.doesNotMatch(stderr, /^\s+at /m);
    assert.ok(ms < CHANGE_LIMIT_MS, `the change failed after ${ms} ms`);
    await keyring.unlock();
  });
}

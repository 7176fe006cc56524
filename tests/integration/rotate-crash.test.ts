import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { secretDigest } from '../../src-main/core/secret-digest.ts';
import { KeysFileSchema, type KeyRecord } from '../../src-main/core/keys/key-record.ts';
import { secretAccountOf } from '../../src-main/core/keys/key-secrets.ts';
import { KeychainSecretStore } from '../../src-main/core/keys/keychain-secret-store.ts';
import { displayPrefix } from '../../src-main/core/keys/secret-format.ts';
import { JSON_RPC_HEADERS, rawRequest } from '../support/raw-http.ts';
import { CLI, CLI_NODE_FLAGS, runCli, startServe } from '../support/serve-process.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';

const KILLS = 20;

let keyring: SecretService;
let dataDir: string;

before(async () => {
  keyring = await startSecretService();
  // The checks below read the same keychain from this process, as the CLI and the server do.
  Object.assign(process.env, keyring.env);
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-rotate-kill-'));
});
after(() => keyring.stop());

function storedKey(): KeyRecord {
  const file = KeysFileSchema.parse(JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')));
  assert.equal(file.keys.length, 1);
  return file.keys[0] as KeyRecord;
}

/** Runs `keys rotate --grace 10m` and kills it (SIGKILL) after `delayMs`; resolves once it is gone. */
async function rotateKilledAfter(delayMs: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [...CLI_NODE_FLAGS, CLI, 'keys', 'rotate', 'Cursor', '--grace', '10m', '--data-dir', dataDir],
    { env: { PATH: process.env['PATH'] ?? '', ...keyring.env }, stdio: 'ignore' },
  );
  await sleep(delayMs);
  child.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  // The keychain helper it had started finishes its one call on its own; give it time to.
  await sleep(300);
  // A lock left by the killed process is taken over after 15 s; clear it to keep the loop short.
  for (const name of readdirSync(dataDir)) if (name.endsWith('.lock')) rmSync(join(dataDir, name));
}

test('kill -9 during "keys rotate --grace 10m" leaves the old key or the new one, never a mix', async () => {
  const created = await runCli(['keys', 'create', '--name', 'Cursor', '--data-dir', dataDir], keyring.env);
  assert.equal(created.code, 0, created.stderr);
  let inUse = created.stdout.trim();

  // How long a whole rotation takes here: the kills are spread over it.
  const started = Date.now();
  const full = await runCli(
    ['keys', 'rotate', 'Cursor', '--grace', '10m', '--data-dir', dataDir],
    keyring.env,
  );
  assert.equal(full.code, 0, full.stderr);
  const rotateMs = Date.now() - started;
  inUse = full.stdout.trim();

  const store = new KeychainSecretStore();
  const outcomes = { old: 0, new: 0 };
  for (let kill = 0; kill < KILLS; kill += 1) {
    await rotateKilledAfter(Math.round((rotateMs * 1.2 * kill) / KILLS));
    const record = storedKey();
    const secret = await store.get(secretAccountOf(record));
    assert.ok(secret !== undefined, `kill ${kill}: keys.json names a secret the keychain does not hold`);
    assert.equal(displayPrefix(secret), record.prefix, `kill ${kill}: keys.json and the keychain disagree`);
    if (secret === inUse) outcomes.old += 1;
    else {
      // The new state: the secret the client still holds works through the grace period.
      assert.equal(
        record.grace?.digest,
        secretDigest(inUse),
        `kill ${kill}: the client's key lost its grace`,
      );
      outcomes.new += 1;
      inUse = secret;
    }
  }
  console.log(`rotate killed ${KILLS} times (a rotation takes ${rotateMs} ms):`, outcomes);

  // The key the client holds now works in a server, and the keychain holds nothing else but what it needs.
  const server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: '' } });
  try {
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: '/mcp',
      headers: { ...JSON_RPC_HEADERS, 'x-api-key': inUse },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    assert.equal(res.status, 200, res.body);
    assert.doesNotMatch(server.stderr(), /has no secret|does not list/);
  } finally {
    await server.stop();
  }
});

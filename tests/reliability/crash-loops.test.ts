import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { KeychainSecretStore } from '../../src-main/core/keys/keychain-secret-store.ts';
import { CLI, CLI_NODE_FLAGS, startServe } from '../support/serve-process.ts';
import {
  assertKeychainAgrees,
  assertKeysServe,
  assertNoneLost,
  dataAfterKill,
} from '../support/crash-checks.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';

// kill -9 of the CLI in the middle of key create, rotate, servers add and folders add, in a loop, with a
// real keychain. After every kill: each file the app owns parses (none was set aside as corrupt), every
// change that was acknowledged (the command exited 0 before the kill) is there, and the keychain holds
// the secret of every key keys.json lists. No lock is cleared by hand: a killed holder must not block the
// next command. At the end, every acknowledged key works in a server. CRASH_ITERATIONS, CRASH_SEED replay.
const ITERATIONS = Number(process.env['CRASH_ITERATIONS'] ?? 300);
const SEED = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);

let keyring: SecretService;
let dataDir: string;
let folder: string;

before(async () => {
  keyring = await startSecretService();
  Object.assign(process.env, keyring.env);
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-crash-loop-'));
  folder = mkdtempSync(join(tmpdir(), 'mcp-tray-crash-folder-'));
});
after(() => keyring.stop());

/** Runs the CLI and kills it (SIGKILL) after `killMs`; says whether it finished first, and what it printed. */
async function runKilledAfter(args: string[], killMs: number): Promise<{ done: boolean; stdout: string }> {
  const child = spawn(process.execPath, [...CLI_NODE_FLAGS, CLI, ...args, '--data-dir', dataDir], {
    env: { PATH: process.env['PATH'] ?? '', ...keyring.env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const code = await Promise.race([exited, sleep(killMs).then(() => undefined)]);
  if (code !== undefined) return { done: code === 0, stdout };
  child.kill('SIGKILL');
  await exited;
  return { done: false, stdout };
}

test(`kill -9 during key, server and folder changes, ${ITERATIONS} times: nothing torn, nothing acknowledged lost`, async () => {
  const next = seededRandom(SEED);
  const store = new KeychainSecretStore();
  const acknowledged = {
    keys: new Map<string, string>(),
    servers: new Set<string>(),
    folders: new Set<string>(),
  };
  const outcomes = { finished: 0, killed: 0 };
  for (let i = 0; i < ITERATIONS; i += 1) {
    const ops = [
      () => ({ kind: 'key', name: `key-${i}`, args: ['keys', 'create', '--name', `key-${i}`] }),
      () => ({ kind: 'rotate', name: 'key-0', args: ['keys', 'rotate', 'key-0'] }),
      () => ({
        kind: 'server',
        name: `server-${i}`,
        args: ['servers', 'add', `server-${i}`, '--url', 'http://127.0.0.1:9/mcp', '--no-check'],
      }),
      () => {
        mkdirSync(join(folder, `f${i}`), { recursive: true });
        return {
          kind: 'folder',
          name: `folder-${i}`,
          args: ['folders', 'add', join(folder, `f${i}`), '--name', `folder-${i}`],
        };
      },
    ];
    // The first command always finishes: key-0 must exist for the rotations.
    const op = ops[i === 0 ? 0 : Math.floor(next() * ops.length)]!();
    const killMs = i === 0 ? 30_000 : 20 + Math.floor(next() * 400);
    const { done, stdout } = await runKilledAfter(op.args, killMs);
    outcomes[done ? 'finished' : 'killed'] += 1;
    if (done && (op.kind === 'key' || op.kind === 'rotate')) acknowledged.keys.set(op.name, stdout.trim());
    if (done && op.kind === 'server') acknowledged.servers.add(op.name);
    if (done && op.kind === 'folder') acknowledged.folders.add(op.name);
    assert.equal(i > 0 || done, true, 'the first key was created');

    const where = `iteration ${i} (${op.args.slice(0, 2).join(' ')} killed at ${killMs} ms, seed ${SEED})`;
    const { keys, servers, folders } = dataAfterKill(dataDir, where);
    assertNoneLost(keys, acknowledged.keys.keys(), where);
    assertNoneLost(servers, acknowledged.servers, where);
    assertNoneLost(folders, acknowledged.folders, where);
    await assertKeychainAgrees(keys, store, where);
  }
  console.log(
    `crash loop: ${ITERATIONS} iterations, seed ${SEED}: ${outcomes.killed} killed mid-change, ${outcomes.finished} finished; ` +
      `${acknowledged.keys.size} keys, ${acknowledged.servers.size} servers, ${acknowledged.folders.size} folders acknowledged`,
  );

  // Every key acknowledged is served (key-0 by its last acknowledged rotation, unless a later one landed).
  const server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: '' } });
  try {
    await assertKeysServe(server.port, acknowledged.keys, 'key-0');
  } finally {
    await server.stop();
  }
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { serverSecretAccount } from '../../src-main/core/gateway/server-secrets.ts';
import { KeychainSecretStore } from '../../src-main/core/keys/keychain-secret-store.ts';
import { startServe, type ServeProcess } from '../support/serve-process.ts';
import {
  assertKeychainAgrees,
  assertKeysServe,
  assertNoneLost,
  dataAfterKill,
} from '../support/crash-checks.ts';
import { rawRequest } from '../support/raw-http.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';
import { pathOf } from '../support/web-dashboard-session.ts';

// kill -9 of the server (not the CLI: tests/reliability/crash-loops.test.ts) while the dashboard changes
// keys, settings, servers and folders through it, in a loop, with a real keychain: each iteration starts
// serve, signs in with the link it printed, sends changes one after another and kills it at a random moment.
// After every kill the files parse (none set aside as corrupt), every change the dashboard was answered for
// is there (a removed server stays removed), and the keychain holds the secret of every key keys.json lists
// and the header value of every server servers.json lists. SERVER_CRASH_ITERATIONS and SERVER_CRASH_SEED
// replay a run.
const ITERATIONS = Number(process.env['SERVER_CRASH_ITERATIONS'] ?? 100);
const SEED = Number(process.env['SERVER_CRASH_SEED'] ?? Date.now() % 1_000_000);

let keyring: SecretService;
let dataDir: string;
let folder: string;

before(async () => {
  keyring = await startSecretService();
  Object.assign(process.env, keyring.env);
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-server-crash-'));
  folder = mkdtempSync(join(tmpdir(), 'mcp-tray-server-crash-folder-'));
});
after(() => keyring.stop());

/** A signed-in dashboard on a started serve: the link serve printed, opened once. */
async function signedIn(server: ServeProcess) {
  const found = () => /(http:\/\/\S+\/login\?token=\S+)/.exec(server.stderr())?.[1];
  for (let waited = 0; found() === undefined && waited < 5_000; waited += 20) await sleep(20);
  const link = found();
  assert.ok(link, 'serve printed a sign-in link');
  const login = await rawRequest(server.port, { path: pathOf(link) });
  const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  return (channel: string, input: unknown) =>
    rawRequest(server.port, {
      method: 'POST',
      path: `/api/invoke/${channel}`,
      headers: { 'content-type': 'application/json', 'x-mcp-tray-request': '1', cookie },
      body: JSON.stringify(input),
    });
}

test(`kill -9 of serve during dashboard changes, ${ITERATIONS} times: nothing torn, nothing answered lost`, async () => {
  const next = seededRandom(SEED);
  const store = new KeychainSecretStore();
  const answered = {
    keys: new Map<string, string>(),
    folders: new Set<string>(),
    servers: new Set<string>(),
    removed: new Set<string>(),
    port: 0,
  };
  let changes = 0;
  let rotatable: string | undefined;
  const outcomes = { answered: 0, cut: 0 };
  for (let i = 0; i < ITERATIONS; i += 1) {
    const server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: '' } });
    const invoke = await signedIn(server);
    const killMs = Math.floor(next() * 300);
    let fired = false;
    const killed = sleep(killMs).then(() => {
      fired = true;
      server.child.kill('SIGKILL');
    });
    const where = `iteration ${i} (killed ${killMs} ms into the changes, seed ${SEED})`;
    // Changes one after another until the kill cuts one off; only an answer that arrived counts.
    for (;;) {
      changes += 1;
      const kind = Math.floor(next() * 6);
      const name = `change-${changes}`;
      try {
        if (kind === 0 || rotatable === undefined) {
          const res = await invoke('keys.create', { name, permissions: ['*'] });
          if (res.status !== 200) throw new Error(`${where}: keys.create answered ${res.status} ${res.body}`);
          const { key, secret } = res.json() as { key: { id: string }; secret: string };
          answered.keys.set(name, secret);
          rotatable ??= key.id;
        } else if (kind === 1) {
          const res = await invoke('keys.rotate', { id: rotatable });
          if (res.status !== 200) throw new Error(`${where}: keys.rotate answered ${res.status} ${res.body}`);
        } else if (kind === 2) {
          const port = 20_000 + changes;
          const res = await invoke('settings.update', { port });
          if (res.status !== 200) throw new Error(`${where}: settings.update answered ${res.status}`);
          answered.port = port;
        } else if (kind === 3 || (kind === 4 && answered.servers.size === 0)) {
          // A server whose header value goes to the keychain (nothing listens on port 9: added, not started).
          const res = await invoke('servers.add', {
            name,
            url: 'http://127.0.0.1:9/mcp',
            headers: {},
            secretHeaders: { Authorization: `Bearer ${name}` },
          });
          if (res.status !== 200) throw new Error(`${where}: servers.add answered ${res.status} ${res.body}`);
          answered.servers.add(name);
        } else if (kind === 4) {
          // Neither kept nor removed while the removal is under way (the kill may cut it off either side).
          const gone = [...answered.servers][0] as string;
          answered.servers.delete(gone);
          const res = await invoke('servers.remove', { name: gone });
          if (res.status !== 200)
            throw new Error(`${where}: servers.remove answered ${res.status} ${res.body}`);
          answered.removed.add(gone);
        } else {
          mkdirSync(join(folder, name), { recursive: true });
          const res = await invoke('folders.add', { path: join(folder, name), name });
          if (res.status !== 200) throw new Error(`${where}: folders.add answered ${res.status} ${res.body}`);
          answered.folders.add(name);
        }
        outcomes.answered += 1;
      } catch (error) {
        // Only the kill may cut a change off: a refusal, or a failure before the kill, fails the test.
        if ((error as Error).message.startsWith(where) || !fired) throw error;
        outcomes.cut += 1;
        break;
      }
    }
    await killed;
    await new Promise((resolve) =>
      server.child.exitCode !== null || server.child.signalCode !== null
        ? resolve(undefined)
        : server.child.once('exit', resolve),
    );

    const { keys, servers, folders, settings } = dataAfterKill(dataDir, where);
    assertNoneLost(keys, answered.keys.keys(), where);
    assertNoneLost(folders, answered.folders, where);
    assertNoneLost(servers, answered.servers, where);
    for (const name of answered.removed)
      assert.ok(!servers.some((s) => s.name === name), `${where}: removed server ${name} came back`);
    // A later change that was cut off may have landed too; an answered one never goes back.
    assert.ok((settings.port ?? 0) >= answered.port, `${where}: settings went back to ${settings.port}`);
    // A server's secret is stored before servers.json names it (a kill between leaves only a spare secret).
    for (const entry of servers)
      assert.equal(
        await store.get(serverSecretAccount(entry.name, 'header', 'Authorization')),
        `Bearer ${entry.name}`,
        `${where}: servers.json lists ${entry.name}, the keychain has no header value for it`,
      );
    await assertKeychainAgrees(keys, store, where);
  }
  console.log(
    `server crash loop: ${ITERATIONS} iterations, seed ${SEED}: ${outcomes.answered} changes answered, ${outcomes.cut} cut off by the kill; ` +
      `${answered.keys.size} keys, ${answered.folders.size} folders, ${answered.servers.size} servers ` +
      `(${answered.removed.size} removed), settings port ${answered.port} answered`,
  );

  // Every key answered is served, but the one that was rotated (its last secret may have been cut off).
  const server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: '' } });
  try {
    const rotated = dataAfterKill(dataDir, 'the end').keys.find((k) => k.id === rotatable)?.name;
    await assertKeysServe(server.port, answered.keys, rotated);
  } finally {
    await server.stop();
  }
});

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FULL_KEY, runCli, startServe, TEST_API_KEYS, type ServeProcess } from '../support/serve-process.ts';
import {
  startSecretService,
  type SecretService,
  type SecretServiceOptions,
} from '../support/secret-service.ts';

const LIMIT_MS = 10_000;

async function keysIn(env: Record<string, string>, dataDir: string, ...args: string[]) {
  const started = Date.now();
  const result = await runCli(['keys', ...args, '--data-dir', dataDir], env);
  return { ...result, ms: Date.now() - started };
}

/** Each failure: exit code 3 within 10 s, a message that names the keychain, says what is wrong and the fix. */
function assertKeychainFailure(result: Awaited<ReturnType<typeof keysIn>>, what: RegExp): void {
  assert.equal(result.code, 3, result.stderr);
  assert.ok(result.ms < LIMIT_MS, `took ${result.ms} ms`);
  assert.match(result.stderr, /Secret Service keychain/);
  assert.match(result.stderr, what);
  assert.match(result.stderr, /--secret-store file/);
  assert.doesNotMatch(result.stderr, /^\s+at /m);
}

async function withKeyring(options: SecretServiceOptions, body: (keyring: SecretService) => Promise<void>) {
  const keyring = await startSecretService(options);
  try {
    await body(keyring);
  } finally {
    await keyring.stop();
  }
}

/** Waits (up to 5 s) for the server's log to say something it says after printing its URL. */
async function logged(server: ServeProcess, what: string): Promise<string> {
  for (let i = 0; i < 250 && !server.stderr().includes(what); i += 1) await sleep(20);
  return server.stderr();
}

const fresh = () => mkdtempSync(join(tmpdir(), 'mcp-tray-kcfail-'));

describe('when the keychain is unavailable, every keys command says why within 10 seconds', () => {
  test('no D-Bus session', async () => {
    for (const args of [['list'], ['create', '--name', 'X']]) {
      const dataDir = fresh();
      const result = await keysIn({}, dataDir, ...args);
      assertKeychainFailure(result, /there is no D-Bus session.*dbus-run-session/);
      // The exact command that works instead.
      assert.ok(
        result.stderr.includes(
          `To keep key secrets in a file instead, run: mcp-tray keys ${args.join(' ')} --data-dir ${dataDir} --secret-store file`,
        ),
        result.stderr,
      );
    }
  });

  test('no Secret Service on the bus', () =>
    withKeyring({ provider: false }, async (keyring) => {
      assertKeychainFailure(
        await keysIn(keyring.env, fresh(), 'list'),
        /No Secret Service is running.*gnome-keyring/,
      );
    }));

  test('a keyring that was never unlocked', () =>
    withKeyring({ unlock: false }, async (keyring) => {
      assertKeychainFailure(
        await keysIn(keyring.env, fresh(), 'create', '--name', 'X'),
        /has no unlocked login keyring/,
      );
    }));

  test('a locked keyring', () =>
    withKeyring({}, async (keyring) => {
      const dataDir = fresh();
      assert.equal((await keysIn(keyring.env, dataDir, 'create', '--name', 'Before')).code, 0);
      await keyring.relock();
      assertKeychainFailure(
        await keysIn(keyring.env, dataDir, 'create', '--name', 'After'),
        /is locked.*Unlock it/,
      );
      assertKeychainFailure(await keysIn(keyring.env, dataDir, 'list'), /is locked/);
    }));

  test('a keychain that stalls is abandoned, not waited on', () =>
    withKeyring({}, async (keyring) => {
      keyring.freeze();
      assertKeychainFailure(await keysIn(keyring.env, fresh(), 'list'), /did not answer in time/);
    }));
});

describe('serve with the keychain unavailable', () => {
  test('still starts, serves MCP_API_KEYS keys, and says stored keys are unavailable and why', () =>
    withKeyring({}, async (keyring) => {
      const dataDir = fresh();
      assert.equal((await keysIn(keyring.env, dataDir, 'create', '--name', 'Stored')).code, 0);
      await keyring.relock();
      const server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: TEST_API_KEYS } });
      try {
        const res = await fetch(`${server.origin}/mcp/status`, { headers: { 'x-api-key': FULL_KEY } });
        assert.equal(res.status, 200);
        assert.match(server.stderr(), /Stored API keys are unavailable: .*is locked/);
        assert.ok(
          server
            .stderr()
            .includes(
              `stop this server and run: mcp-tray serve --port 0 --data-dir ${dataDir} --secret-store file`,
            ),
          server.stderr(),
        );
      } finally {
        await server.stop();
      }
    }));

  test('keys made with --secret-store file are named, with the command that serves them', () =>
    withKeyring({}, async (keyring) => {
      const dataDir = fresh();
      const made = await keysIn(
        keyring.env,
        dataDir,
        'create',
        '--name',
        'Headless',
        '--secret-store',
        'file',
      );
      assert.equal(made.code, 0, made.stderr);
      const server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: '' } });
      try {
        const advice = `To serve it, run: mcp-tray serve --port 0 --data-dir ${dataDir} --secret-store file`;
        assert.ok((await logged(server, advice)).includes(advice), server.stderr());
        assert.match(server.stderr(), /secrets\.json holds 1 key secret made with --secret-store file/);
        assert.ok(!server.stderr().includes(made.stdout.trim()), 'the secret itself is never logged');
      } finally {
        await server.stop();
      }
    }));

  test('a stalled keychain does not hold up the start', () =>
    withKeyring({}, async (keyring) => {
      const dataDir = fresh();
      assert.equal((await keysIn(keyring.env, dataDir, 'create', '--name', 'Stored')).code, 0);
      keyring.freeze();
      const server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: TEST_API_KEYS } });
      try {
        // It listens while the stalled calls are still pending: none has given up yet (that takes 8 s and is
        // logged as "did not answer in time"), so the start did not wait for them. No clock involved.
        assert.doesNotMatch(server.stderr(), /did not answer in time/);
        const res = await fetch(`${server.origin}/mcp/status`, { headers: { 'x-api-key': FULL_KEY } });
        assert.equal(res.status, 200);
        assert.match(server.stderr(), /slow to answer/);
      } finally {
        await server.stop();
      }
    }));
});

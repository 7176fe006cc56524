import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { JSON_RPC_HEADERS, rawRequest, rpcPayload } from '../support/raw-http.ts';
import { runCli, startServe, type ServeProcess } from '../support/serve-process.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';

/** A change reaches a running server within 2 seconds (it watches the data folder for keys.json). */
const PROPAGATION_MS = 2_000;

let keyring: SecretService;
let server: ServeProcess;
let dataDir: string;

before(async () => {
  keyring = await startSecretService();
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-lost-'));
});
after(async () => {
  await server?.stop();
  await keyring.stop();
});

const keys = (...args: string[]) => runCli(['keys', ...args, '--data-dir', dataDir], keyring.env);

async function created(name: string): Promise<string> {
  const result = await keys('create', '--name', name);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim();
}

async function whoami(key: string): Promise<{ status: number; keyName?: unknown }> {
  const res = await rawRequest(server.port, {
    method: 'POST',
    path: '/mcp',
    headers: { ...JSON_RPC_HEADERS, 'x-api-key': key },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'whoami', arguments: {} },
    }),
  });
  if (res.status !== 200) return { status: res.status };
  const result = rpcPayload(res.body).result as { structuredContent: Record<string, unknown> };
  return { status: 200, keyName: result.structuredContent['keyName'] };
}

describe('the keychain crashes while serving and D-Bus starts it again locked', () => {
  let cursor = '';
  let claude = '';

  test('before: both stored keys work', async () => {
    cursor = await created('Cursor');
    claude = await created('Claude');
    server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: '' } });
    assert.equal((await whoami(cursor)).status, 200);
    assert.equal((await whoami(claude)).status, 200);
    await keyring.crash();
  });

  test('a change to keys.json afterwards keeps every key working, and the server says the keychain is unavailable', async () => {
    const renamed = await keys('update', 'Cursor', '--name', 'Cursor (work)');
    assert.equal(renamed.code, 0, renamed.stderr);
    await sleep(PROPAGATION_MS);
    assert.deepEqual(await whoami(cursor), { status: 200, keyName: 'Cursor (work)' });
    assert.equal((await whoami(claude)).status, 200);
    assert.match(server.stderr(), /Stored API keys are unavailable: .*keep working/);
    assert.doesNotMatch(server.stderr(), /has no secret/);
  });

  test('a key revoked meanwhile is refused at once: revoking needs no keychain', async () => {
    const revoked = await keys('revoke', 'Claude');
    assert.equal(revoked.code, 0, revoked.stderr);
    await sleep(PROPAGATION_MS);
    assert.equal((await whoami(claude)).status, 401);
    assert.equal((await whoami(cursor)).status, 200);
  });

  test('the CLI says the keychain is unavailable (exit 3), never that the keys lost their secrets', async () => {
    for (const args of [['list'], ['list', '--json'], ['reveal', 'Cursor (work)']]) {
      const result = await keys(...args);
      assert.equal(result.code, 3, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /Secret Service keychain .*(locked|no unlocked login keyring)/);
      assert.doesNotMatch(result.stderr, /has no secret|[Rr]otate it/);
      assert.doesNotMatch(result.stderr, /^\s+at /m);
    }
  });

  test('once the keychain is unlocked, the next change loads the keys again', async () => {
    await keyring.unlock();
    const touched = await keys('update', 'Cursor (work)', '--name', 'Cursor');
    assert.equal(touched.code, 0, touched.stderr);
    await sleep(PROPAGATION_MS);
    assert.match(server.stderr(), /available again/);
    assert.deepEqual(await whoami(cursor), { status: 200, keyName: 'Cursor' });
    const listed = await keys('list', '--json');
    assert.equal(listed.code, 0, listed.stderr);
    const parsed = JSON.parse(listed.stdout) as { keys: { name: string; status: string }[] };
    assert.deepEqual(
      parsed.keys.map((k) => [k.name, k.status]),
      [
        ['Cursor', 'active'],
        ['Claude', 'revoked'],
      ],
    );
  });
});

describe('a server started while the keychain is restarted locked', () => {
  test('says the keychain is unavailable instead of calling every key secret-less', async () => {
    const ring = await startSecretService();
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-lost-start-'));
    try {
      const made = await runCli(['keys', 'create', '--name', 'VS Code', '--data-dir', dir], ring.env);
      assert.equal(made.code, 0, made.stderr);
      await ring.crash();
      const serve = await startServe({ dataDir: dir, env: { ...ring.env, MCP_API_KEYS: '' } });
      try {
        await sleep(PROPAGATION_MS);
        assert.match(serve.stderr(), /Stored API keys are unavailable: .*(locked|login keyring)/);
        assert.doesNotMatch(serve.stderr(), /has no secret/);
      } finally {
        await serve.stop();
      }
    } finally {
      await ring.stop();
    }
  });
});

describe('a secret in the keychain that keys.json does not list', () => {
  test('is reported by its account name and skipped, even when keys.json lists no key at all', async () => {
    const ring = await startSecretService();
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-orphan-'));
    try {
      const made = await runCli(['keys', 'create', '--name', 'Gone', '--json', '--data-dir', dir], ring.env);
      assert.equal(made.code, 0, made.stderr);
      const { id, key } = JSON.parse(made.stdout) as { id: string; key: string };
      writeFileSync(join(dir, 'keys.json'), '{"version":1,"keys":[]}\n');
      const serve = await startServe({ dataDir: dir, env: { ...ring.env, MCP_API_KEYS: '' } });
      try {
        await sleep(PROPAGATION_MS);
        assert.match(serve.stderr(), new RegExp(`secret for key ${id}, which keys.json does not list`));
        assert.doesNotMatch(serve.stderr(), new RegExp(key));
        const res = await rawRequest(serve.port, {
          method: 'POST',
          path: '/mcp',
          headers: { ...JSON_RPC_HEADERS, 'x-api-key': key },
          body: '{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}',
        });
        assert.equal(res.status, 401);
      } finally {
        await serve.stop();
      }
    } finally {
      await ring.stop();
    }
  });
});

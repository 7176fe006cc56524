import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { JSON_RPC_HEADERS, rawRequest, rpcPayload } from '../support/raw-http.ts';
import { runCli, startServe, type ServeProcess } from '../support/serve-process.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';

/** The promise: a key changed by the CLI works (or stops working) in the server within 2 seconds. */
const PROPAGATION_MS = 2_000;

let keyring: SecretService;
let server: ServeProcess;
let dataDir: string;
const secretsSeen: string[] = [];

before(async () => {
  keyring = await startSecretService();
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-stored-'));
  server = await startServe({ dataDir, env: { ...keyring.env, MCP_API_KEYS: '' } });
});
after(async () => {
  await server.stop();
  await keyring.stop();
});

async function keys(...args: string[]): Promise<string> {
  const result = await runCli(['keys', ...args, '--data-dir', dataDir], keyring.env);
  assert.equal(result.code, 0, result.stderr);
  const out = result.stdout.trim();
  for (const match of out.matchAll(/mcp_sk_[A-Za-z0-9_-]{43}/g)) secretsSeen.push(match[0]);
  return out;
}

function whoami(key: string, args: Record<string, unknown> = {}) {
  return rawRequest(server.port, {
    method: 'POST',
    path: '/mcp',
    headers: { ...JSON_RPC_HEADERS, 'x-api-key': key, 'user-agent': 'stored-keys-test/1.0' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'whoami', arguments: args },
    }),
  });
}

describe('stored keys in a running server (keychain mode)', () => {
  let cursor = '';

  test('a key created by the CLI works within 2 seconds, without a restart', async () => {
    cursor = await keys('create', '--name', 'Cursor');
    await sleep(PROPAGATION_MS);
    const res = await whoami(cursor);
    assert.equal(res.status, 200, res.body);
    const caller = (rpcPayload(res.body).result as { structuredContent: Record<string, unknown> })
      .structuredContent;
    assert.equal(caller['keyName'], 'Cursor');
    assert.equal(caller['source'], 'stored');
    assert.match(String(caller['keyId']), /^key_/);
  });

  test('keys list shows the last use and the request count within 5 seconds', async () => {
    await sleep(2_500);
    const listed = JSON.parse(await keys('list', '--json')) as {
      keys: { name: string; requestCount: number; lastUsedAt: string | null }[];
    };
    const entry = listed.keys.find((k) => k.name === 'Cursor');
    assert.equal(entry?.requestCount, 1);
    assert.ok(entry?.lastUsedAt !== null && Date.now() - Date.parse(entry?.lastUsedAt ?? '') < 10_000);
  });

  test('rotation without grace: the old secret stops working, the new one works', async () => {
    const rotated = await keys('rotate', 'Cursor');
    await sleep(PROPAGATION_MS);
    assert.equal((await whoami(rotated)).status, 200);
    const old = await whoami(cursor);
    assert.equal(old.status, 401);
    assert.equal((old.json() as { error: string }).error, 'invalid_api_key');
    cursor = rotated;
  });

  test('rotation with a grace period: both work until it ends, then only the new one', async () => {
    const rotated = await keys('rotate', 'Cursor', '--grace', '4s');
    await sleep(PROPAGATION_MS);
    assert.equal((await whoami(rotated)).status, 200);
    assert.equal((await whoami(cursor)).status, 200, 'the old secret works during the grace period');
    await sleep(2_500);
    assert.equal((await whoami(cursor)).status, 401, 'and not after it');
    assert.equal((await whoami(rotated)).status, 200);
    cursor = rotated;
  });

  test('a revoked key gets 401 invalid_api_key within 2 seconds', async () => {
    await keys('revoke', 'Cursor');
    await sleep(PROPAGATION_MS);
    const res = await whoami(cursor);
    assert.equal(res.status, 401);
    assert.equal((res.json() as { error: string }).error, 'invalid_api_key');
  });

  test('an expired key gets 401 key_expired', async () => {
    const secret = await keys('create', '--name', 'Short-lived', '--expires-in', '4s');
    await sleep(PROPAGATION_MS);
    assert.equal((await whoami(secret)).status, 200);
    await sleep(2_500);
    const res = await whoami(secret);
    assert.equal(res.status, 401);
    assert.equal((res.json() as { error: string }).error, 'key_expired');
  });

  test('a per-key rate limit: RateLimit headers on every answer, 429 with Retry-After past it', async () => {
    const secret = await keys('create', '--name', 'Limited', '--rate-limit', '3/min');
    await sleep(PROPAGATION_MS);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await whoami(secret);
      assert.equal(res.status, 200);
      assert.equal(res.headers['ratelimit-limit'], '3');
      remaining.push(String(res.headers['ratelimit-remaining']));
    }
    assert.deepEqual(remaining, ['2', '1', '0']);
    const refused = await whoami(secret);
    assert.equal(refused.status, 429);
    assert.equal((refused.json() as { error: string }).error, 'rate_limited');
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    assert.equal(refused.headers['ratelimit-remaining'], '0');
    assert.ok(Number(refused.headers['ratelimit-reset']) > 0);
  });

  test('the audit log has one line per request with who, what and how, and no secret or argument', async () => {
    const secret = await keys('create', '--name', 'Audited');
    await sleep(PROPAGATION_MS);
    assert.equal((await whoami(secret, { note: 'sensitive-argument-value' })).status, 200);
    await sleep(200);
    const logs = join(dataDir, 'logs');
    const text = readdirSync(logs)
      .map((name) => readFileSync(join(logs, name), 'utf8'))
      .join('');
    const entries = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const entry = entries.findLast((e) => e['keyName'] === 'Audited');
    assert.ok(entry, 'an entry for the request');
    assert.match(String(entry['keyId']), /^key_/);
    assert.equal(entry['method'], 'POST');
    assert.equal(entry['path'], '/mcp');
    assert.equal(entry['mcpMethod'], 'tools/call');
    assert.equal(entry['tool'], 'whoami');
    assert.equal(entry['status'], 200);
    assert.equal(typeof entry['durationMs'], 'number');
    assert.equal(entry['userAgent'], 'stored-keys-test/1.0');
    assert.ok(!text.includes('sensitive-argument-value'));
    assert.ok(
      entries.some((e) => e['status'] === 401),
      'refused requests are logged too',
    );
    assert.equal(statSync(join(logs, readdirSync(logs)[0] ?? '')).mode & 0o777, 0o600);
  });

  test('no secret created in this suite appears in any file under the data folder, logs included', () => {
    assert.ok(secretsSeen.length >= 6);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(dataDir);
    assert.ok(files.some((f) => f.endsWith('keys.json')) && files.some((f) => f.includes('logs')));
    for (const file of files) {
      const content = readFileSync(file, 'latin1');
      for (const secret of secretsSeen) {
        assert.ok(!content.includes(secret.slice(7)), `${file} holds a secret`);
      }
    }
  });
});

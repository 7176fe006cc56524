import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { secretAccountOf } from '../../src-main/core/keys/key-secrets.ts';
import { KeychainSecretStore } from '../../src-main/core/keys/keychain-secret-store.ts';
import { runCli } from '../support/serve-process.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';

let keyring: SecretService;
let dataDir: string;

before(async () => {
  keyring = await startSecretService();
  // In-process keychain reads below (to check what the CLI stored) go to the same throw-away keyring.
  Object.assign(process.env, keyring.env);
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-keys-'));
});
after(async () => {
  await keyring.stop();
});

function keys(...args: string[]) {
  return runCli(['keys', ...args, '--data-dir', dataDir], keyring.env);
}

function keysFile(): { keys: { id: string; name: string; prefix: string; status?: string }[] } {
  return JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8'));
}

describe('mcp-tray keys, with the OS keychain (a real Secret Service)', () => {
  test('create prints a secret in the documented format and stores it in the keychain, not on disk', async () => {
    const created = await keys('create', '--name', 'Cursor', '--permissions', 'tools:list,tools:call:whoami');
    assert.equal(created.code, 0, created.stderr);
    const secret = created.stdout.trim();
    assert.match(secret, /^mcp_sk_[A-Za-z0-9_-]{43}$/);
    const [record] = keysFile().keys;
    assert.equal(record?.name, 'Cursor');
    assert.equal(record?.prefix, `${secret.slice(0, 11)}…`);
    assert.equal(await new KeychainSecretStore().get(record?.id ?? ''), secret);
    assert.ok(!readFileSync(join(dataDir, 'keys.json'), 'utf8').includes(secret.slice(7)));
    assert.equal(statSync(join(dataDir, 'keys.json')).mode & 0o777, 0o600);
  });

  test('create --json answers {id, key, ...}', async () => {
    const created = await keys(
      'create',
      '--name',
      'Codex',
      '--expires-in',
      '30d',
      '--rate-limit',
      '120/min',
      '--json',
    );
    assert.equal(created.code, 0, created.stderr);
    const body = JSON.parse(created.stdout) as {
      id: string;
      key: string;
      rateLimit: unknown;
      expiresAt: string;
    };
    assert.match(body.id, /^key_/);
    assert.match(body.key, /^mcp_sk_/);
    assert.deepEqual(body.rateLimit, { limit: 120, windowSeconds: 60 });
    const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, String(days));
  });

  test('list shows every key and never a secret', async () => {
    const listed = await keys('list', '--json');
    assert.equal(listed.code, 0, listed.stderr);
    const body = JSON.parse(listed.stdout) as {
      keys: { name: string; status: string }[];
      problems: string[];
    };
    assert.deepEqual(
      body.keys.map((k) => [k.name, k.status]),
      [
        ['Cursor', 'active'],
        ['Codex', 'active'],
      ],
    );
    assert.deepEqual(body.problems, []);
    assert.doesNotMatch(listed.stdout, /mcp_sk_[A-Za-z0-9_-]{20}/);
    const table = await keys('list');
    assert.match(table.stdout, /Cursor .*tools:list,tools:call:whoami +active/);
  });

  test('reveal gives the stored secret; by id or by name', async () => {
    const { id } = keysFile().keys[0] ?? { id: '' };
    const byId = await keys('reveal', id);
    const byName = await keys('reveal', 'Cursor');
    assert.equal(byId.code, 0);
    assert.equal(byId.stdout, byName.stdout);
    assert.equal(byId.stdout.trim(), await new KeychainSecretStore().get(id));
  });

  test('rotate makes a new secret for the same key; --grace records the old digest, never the old secret', async () => {
    const before = (await keys('reveal', 'Cursor')).stdout.trim();
    const rotated = await keys('rotate', 'Cursor', '--grace', '10m', '--json');
    assert.equal(rotated.code, 0, rotated.stderr);
    const body = JSON.parse(rotated.stdout) as { key: string; graceUntil: string };
    assert.notEqual(body.key, before);
    assert.equal((await keys('reveal', 'Cursor')).stdout.trim(), body.key);
    const minutes = (Date.parse(body.graceUntil) - Date.now()) / 60_000;
    assert.ok(minutes > 9.9 && minutes <= 10, String(minutes));
    assert.ok(!readFileSync(join(dataDir, 'keys.json'), 'utf8').includes(before.slice(7)));
  });

  test('malformed values are refused with the accepted forms', async () => {
    const cases: [string[], RegExp][] = [
      [['create', '--name', 'X', '--expires-in', '3 days'], /90s, 10m, 12h or 30d/],
      [['create', '--name', 'X', '--rate-limit', 'fast'], /120\/min, 5\/s or 1000\/h/],
      [['create', '--name', 'X', '--permissions', 'root'], /"root" is not a permission; use "\*"/],
      [['create', '--name', ' '], /needs a name/],
      [['rotate', 'Cursor', '--grace', '10 minutes'], /90s, 10m, 12h or 30d/],
      // Empty values are refused, not read as "never expires" or "no grace".
      [['create', '--name', 'X', '--expires-in', ''], /"" is not a valid expiry/],
      [['rotate', 'Cursor', '--grace', ''], /"" is not a valid grace period/],
      [['create', '--name', 'X', '--rate-limit', '99999999999/min'], /more than 1,000,000 requests per min/],
      [['create', '--name', 'x'.repeat(101)], /1 to 100 characters/],
      [['reveal', 'nobody'], /No key has the id or name "nobody"/],
      [['create', '--name', 'X', '--secret-store', 'vault'], /"keychain" \(the default\) or "file"/],
    ];
    for (const [args, expected] of cases) {
      const result = await keys(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, expected);
      assert.doesNotMatch(result.stderr, /^\s+at /m);
    }
    assert.equal(keysFile().keys.length, 2, 'nothing was created');
  });

  test('revoke keeps the key listed as revoked and removes its secret', async () => {
    const { id } = keysFile().keys.find((k) => k.name === 'Codex') ?? { id: '' };
    const revoked = await keys('revoke', id);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(await new KeychainSecretStore().get(id), undefined);
    const body = JSON.parse((await keys('list', '--json')).stdout) as {
      keys: { id: string; status: string }[];
    };
    assert.equal(body.keys.find((k) => k.id === id)?.status, 'revoked');
    assert.equal((await keys('reveal', id)).code, 2);
  });

  test('a secret without metadata and metadata without a secret are reported by id and name, not fatal', async () => {
    const store = new KeychainSecretStore();
    await store.set('key_orphan', 'mcp_sk_orphan_secret_value');
    const cursor = keysFile().keys.find((k) => k.name === 'Cursor');
    assert.ok(cursor);
    const id = cursor.id;
    assert.equal(await store.delete(secretAccountOf(cursor)), true);
    const listed = await keys('list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stderr, /secret for key key_orphan that keys\.json does not list/);
    assert.match(listed.stderr, new RegExp(`Key "Cursor" \\(${id}\\) has no secret`));
    assert.ok(!listed.stderr.includes('mcp_sk_orphan_secret_value'));
    assert.equal((await keys('delete', 'key_orphan')).code, 0);
    assert.equal(await store.get('key_orphan'), undefined);
  });

  test('delete removes the metadata and the secret', async () => {
    const created = await keys('create', '--name', 'Temporary');
    const { id } = keysFile().keys.find((k) => k.name === 'Temporary') ?? { id: '' };
    assert.equal(await new KeychainSecretStore().get(id), created.stdout.trim());
    assert.equal((await keys('delete', 'Temporary')).code, 0);
    assert.equal(
      keysFile().keys.find((k) => k.id === id),
      undefined,
    );
    assert.equal(await new KeychainSecretStore().get(id), undefined);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { FULL_KEY, runCli, startServe, TEST_API_KEYS } from '../support/serve-process.ts';

describe('--secret-store file, for machines without a keychain', () => {
  test('keys and serve work with secrets in a 0600 file, and both warn about it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-filestore-'));
    const created = await runCli([
      'keys',
      'create',
      '--name',
      'Headless',
      '--secret-store',
      'file',
      '--data-dir',
      dataDir,
    ]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stderr, /plain file readable only by you/);
    const secret = created.stdout.trim();
    const secretsPath = join(dataDir, 'secrets.json');
    assert.equal(statSync(secretsPath).mode & 0o777, 0o600);
    assert.ok(readFileSync(secretsPath, 'utf8').includes(secret));
    assert.ok(!readFileSync(join(dataDir, 'keys.json'), 'utf8').includes(secret.slice(7)));

    const server = await startServe({ dataDir, args: ['--secret-store', 'file'] });
    try {
      assert.match(server.stderr(), /plain file readable only by you/);
      const res = await fetch(`${server.origin}/mcp/status`, { headers: { 'x-api-key': secret } });
      assert.equal(res.status, 200);
      // Deleting through the CLI reaches the running server within 2 seconds.
      assert.equal(
        (await runCli(['keys', 'delete', 'Headless', '--secret-store', 'file', '--data-dir', dataDir])).code,
        0,
      );
      await sleep(2_000);
      assert.equal(
        (await fetch(`${server.origin}/mcp/status`, { headers: { 'x-api-key': secret } })).status,
        401,
      );
    } finally {
      await server.stop();
    }
  });

  test('keys from MCP_API_KEYS are listed as from the environment, and are read-only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-envkeys-'));
    const env = { MCP_API_KEYS: TEST_API_KEYS };
    const listed = await runCli(['keys', 'list', '--secret-store', 'file', '--data-dir', dataDir], env);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /Full Access .*from environment \(read-only\)/);
    assert.ok(!listed.stdout.includes(FULL_KEY));
    const revoke = await runCli(
      ['keys', 'revoke', 'Full Access', '--secret-store', 'file', '--data-dir', dataDir],
      env,
    );
    assert.equal(revoke.code, 2);
    assert.match(revoke.stderr, /comes from the MCP_API_KEYS environment variable and is read-only/);
  });
});

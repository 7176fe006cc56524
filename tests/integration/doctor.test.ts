import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FULL_KEY, freePort, runCli, startServe } from '../support/serve-process.ts';

// `mcp-tray doctor` against a real serve whose public URL is http://localhost:PORT (the form kept for tests).
describe('mcp-tray doctor', () => {
  test('every step passes with a good key (exit 0); a wrong key fails at tools/list with the fix (exit 1)', async () => {
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const serve = await startServe({ args: ['--port', String(port), '--public-url', url] });
    try {
      const good = await runCli(['doctor', '--url', url, '--key', FULL_KEY]);
      assert.equal(good.code, 0, good.stdout + good.stderr);
      assert.match(good.stdout, /^ok {4}reachable: GET .*\/healthz: HTTP 200\.$/m);
      assert.match(good.stdout, /^ok {4}refused without a key: .*HTTP 401, WWW-Authenticate: Bearer/m);
      assert.match(good.stdout, /^ok {4}tools\/list: Connected with the key; \d+ tools\.$/m);
      for (const step of [
        'challenge names OAuth',
        'protected resource metadata',
        'authorization server metadata',
        'issuer matches',
        'dynamic registration',
        'client ID metadata documents',
        'token endpoint',
      ])
        assert.match(good.stdout, new RegExp(`^ok {4}${step}: `, 'm'), step);
      assert.match(good.stdout, /^skip {2}search and fetch: No search or fetch tools/m);
      // The same server by 127.0.0.1, which is not its public URL: no OAuth there, and the doctor says so.
      const local = await runCli(['doctor', '--url', `http://127.0.0.1:${port}`, '--key', FULL_KEY]);
      assert.equal(local.code, 1);
      assert.match(local.stdout, /^FAIL {2}challenge names OAuth: .*would not start OAuth/m);
      const found = await runCli([
        'doctor',
        '--key',
        FULL_KEY,
        '--data-dir',
        '/nonexistent-dir',
        '--url',
        `${url}/mcp`,
      ]);
      assert.equal(found.code, 0, 'a URL given with /mcp is the same address');
      const unkeyed = await runCli(['doctor', '--url', url]);
      assert.equal(unkeyed.code, 0);
      assert.match(unkeyed.stdout, /^skip {2}tools\/list: No key given/m);
      const wrong = await runCli(['doctor', '--url', url, '--key', 'mcp_wrong_0123456789abcdefghijklmn']);
      assert.equal(wrong.code, 1);
      assert.match(wrong.stdout, /^FAIL {2}tools\/list: /m);
      assert.match(wrong.stdout, /^Fix: Check the key/m);
    } finally {
      await serve.stop();
    }
  });

  test('an address that does not answer fails the first step, with what to check', async () => {
    const port = await freePort();
    const { code, stdout } = await runCli(['doctor', '--url', `http://localhost:${port}`]);
    assert.equal(code, 1);
    assert.match(stdout, /^FAIL {2}reachable: http:\/\/localhost:\d+ did not answer/m);
    assert.match(stdout, /^Fix: Check that the tunnel is on/m);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  alive,
  FIXTURE_UPSTREAM,
  gatewayClient,
  serverList,
  servers,
  textOf,
  waitForServer,
  startGateway,
} from '../support/gateway-helpers.ts';
import { FULL_KEY, type ServeProcess } from '../support/serve-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-supervision-'));
let serve: ServeProcess;

before(async () => {
  await servers(dataDir, ['add', 'steady', '--', ...FIXTURE_UPSTREAM]);
  await servers(dataDir, ['add', 'flaky', '--', ...FIXTURE_UPSTREAM]);
  // Added before its command went away (uninstalled since): adding it now would be refused.
  await servers(dataDir, ['add', 'missing', '--no-check', '--', '/nonexistent/mcp-server-that-is-not-there']);
  serve = await startGateway({ dataDir, args: ['--secret-store', 'file'] });
});
after(async () => {
  await serve.stop();
});

describe('supervision of stdio servers', () => {
  test('a server that cannot start says why and holds back none of the others', async () => {
    await waitForServer(dataDir, 'steady', (v) => v.state === 'running');
    const missing = await waitForServer(dataDir, 'missing', (v) => v.lastError !== null);
    assert.ok(['crashed', 'failed', 'starting'].includes(missing.state), missing.state);
    assert.match(missing.lastError ?? '', /could not be started: .*ENOENT/);
    const client = await gatewayClient(serve.url, FULL_KEY, 'legacy');
    try {
      assert.equal(
        textOf(await client.callTool({ name: 'steady__repeat', arguments: { text: 'ok' } })),
        'repeated: ok',
      );
    } finally {
      await client.close();
    }
  });

  test('a crash mid-call answers that call with an error naming the server, and the server is restarted', async () => {
    const before = await waitForServer(dataDir, 'flaky', (v) => v.state === 'running');
    const client = await gatewayClient(serve.url, FULL_KEY, 'modern');
    try {
      const crashed = await client.callTool({ name: 'flaky__crash', arguments: {} });
      assert.equal(crashed.isError, true);
      assert.match(textOf(crashed), /The server "flaky" did not answer crash/);
      const after = await waitForServer(dataDir, 'flaky', (v) => v.state === 'running' && v.restarts === 1);
      assert.notEqual(after.pid, before.pid);
      assert.equal(alive(before.pid ?? 0), false);
      assert.match(after.lastError ?? '', /exited with code 3 .*crashing on request/);
      assert.equal(
        textOf(await client.callTool({ name: 'flaky__repeat', arguments: { text: 'back' } })),
        'repeated: back',
      );
    } finally {
      await client.close();
    }
  });

  test('a server killed from outside is restarted too', async () => {
    const before = await waitForServer(dataDir, 'steady', (v) => v.state === 'running');
    process.kill(before.pid ?? 0, 'SIGKILL');
    const after = await waitForServer(
      dataDir,
      'steady',
      (v) => v.state === 'running' && v.pid !== before.pid,
    );
    assert.equal(after.restarts, before.restarts + 1);
    assert.match(after.lastError ?? '', /ended by SIGKILL/);
  });

  for (const era of ['legacy', 'modern'] as const) {
    test(`${era}: a client that gives up on a call cancels it at the server`, async () => {
      await waitForServer(dataDir, 'steady', (v) => v.state === 'running');
      const client = await gatewayClient(serve.url, FULL_KEY, era);
      const before = (await servers(dataDir, ['logs', 'steady', '--lines', '1000'])).split(
        'call cancelled',
      ).length;
      const abort = new AbortController();
      const call = client.callTool(
        { name: 'steady__wait_for_cancel', arguments: {} },
        { signal: abort.signal },
      );
      setTimeout(() => abort.abort(), 300);
      await assert.rejects(call);
      const deadline = Date.now() + 5_000;
      let count = before;
      while (count === before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        count = (await servers(dataDir, ['logs', 'steady', '--lines', '1000'])).split(
          'call cancelled',
        ).length;
      }
      assert.equal(count, before + 1, 'the upstream saw the cancellation');
      await client.close();
    });
  }

  test('servers logs shows what a server wrote to stderr', async () => {
    const logs = await servers(dataDir, ['logs', 'flaky']);
    assert.match(logs, /fixture upstream pid \d+/);
    assert.match(logs, /\(not MCP, on stdout\) fixture upstream starting/);
  });
});

test('stopping MCP Tray ends every server and every process they started: no orphans', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'mcp-tray-orphans-'));
  await servers(folder, ['add', 'parent', '--', ...FIXTURE_UPSTREAM]);
  const server = await startGateway({ dataDir: folder, args: ['--secret-store', 'file'] });
  const upstream = await waitForServer(folder, 'parent', (v) => v.state === 'running');
  const client = await gatewayClient(server.url, FULL_KEY, 'legacy');
  const child = Number(textOf(await client.callTool({ name: 'parent__spawn_child', arguments: {} })));
  await client.close();
  assert.ok(alive(upstream.pid ?? 0) && alive(child), 'both run while MCP Tray does');
  assert.equal(await server.stop(), 0);
  assert.equal(alive(upstream.pid ?? 0), false, 'the server is gone');
  assert.equal(alive(child), false, 'and so is the process it started');
  assert.equal((await serverList(folder))[0]?.state, 'stopped');
});

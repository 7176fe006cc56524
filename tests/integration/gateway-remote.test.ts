import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  FIXTURE_UPSTREAM,
  gatewayClient,
  servers,
  textOf,
  waitForServer,
  startGateway,
} from '../support/gateway-helpers.ts';
import { FULL_KEY, SECOND_FULL_KEY, startServe } from '../support/serve-process.ts';

test('a remote Streamable HTTP server is reached with its secret header, which stays out of servers.json', async () => {
  // The remote is another real MCP server that wants a key: a second MCP Tray.
  const remoteDir = mkdtempSync(join(tmpdir(), 'mcp-tray-inner-'));
  const remote = await startServe({ dataDir: remoteDir, args: ['--secret-store', 'file'] });
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-remote-'));
  try {
    await servers(dataDir, [
      'add',
      'inner',
      '--url',
      remote.url,
      '--secret-header',
      `X-API-Key: ${SECOND_FULL_KEY}`,
      '--secret-store',
      'file',
    ]);
    assert.doesNotMatch(readFileSync(join(dataDir, 'servers.json'), 'utf8'), new RegExp(SECOND_FULL_KEY));
    const gateway = await startGateway({ dataDir, args: ['--secret-store', 'file'] });
    try {
      const view = await waitForServer(dataDir, 'inner', (v) => v.state === 'running');
      assert.equal(view.kind, 'remote');
      assert.equal(view.pid, null);
      for (const era of ['legacy', 'modern'] as const) {
        const client = await gatewayClient(gateway.url, FULL_KEY, era);
        const outer = JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} })));
        const inner = JSON.parse(textOf(await client.callTool({ name: 'inner__whoami', arguments: {} })));
        assert.equal(outer.keyName, 'Full Access', 'the client’s own key, at MCP Tray');
        assert.equal(inner.keyName, 'Second Full', 'the header given to the remote, there');
        await client.close();
      }
      // The remote's own list changes (a server added behind it) reach this gateway, which listens for them:
      // its new tools wait for approval like any server's.
      await servers(remoteDir, ['add', 'nested', '--', ...FIXTURE_UPSTREAM]);
      const held = await waitForServer(dataDir, 'inner', (v) =>
        v.heldBack.some((h) => h.tool === 'nested__repeat'),
      );
      assert.equal(held.heldBack.find((h) => h.tool === 'nested__repeat')?.reason, 'new');
      await servers(dataDir, ['approve', 'inner']);
      await waitForServer(dataDir, 'inner', (v) => v.heldBack.length === 0);
      const watcher = await gatewayClient(gateway.url, FULL_KEY, 'legacy');
      const names = (await watcher.listTools()).tools.map((tool) => tool.name);
      assert.ok(names.includes('inner__nested__repeat'), names.join(', '));
      await watcher.close();

      await remote.stop();
      const client = await gatewayClient(gateway.url, FULL_KEY, 'legacy');
      const gone = await client.callTool({ name: 'inner__whoami', arguments: {} });
      assert.equal(gone.isError, true);
      assert.match(textOf(gone), /The server "inner" did not answer whoami/);
      await client.close();
    } finally {
      await gateway.stop();
    }
  } finally {
    await remote.stop();
  }
});

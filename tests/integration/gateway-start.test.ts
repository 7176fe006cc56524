import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  FIXTURE_UPSTREAM,
  gatewayClient,
  rawRequest,
  servers,
  textOf,
  waitForServer,
} from '../support/gateway-helpers.ts';
import { FULL_KEY, startServe } from '../support/serve-process.ts';

// A server starts when first needed: MCP Tray itself starts at once, with no process per server until a
// client comes; the approved tools are offered meanwhile, and the first call waits for its server.

test('before any client: no process, the approved tools offered; the first client starts the servers', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-start-'));
  await servers(dataDir, ['add', 'notes', '--', ...FIXTURE_UPSTREAM]);
  const serve = await startServe({ dataDir, args: ['--secret-store', 'file'] });
  try {
    // Once the running MCP Tray has said how it stands: its approved tools counted, no process.
    const idle = await waitForServer(dataDir, 'notes', (v) => v.tools === 7);
    assert.equal(idle.state, 'stopped');
    assert.equal(idle.pid, null);
    const log = join(dataDir, 'logs', 'servers', 'notes.log');
    assert.ok(!existsSync(log) || !/fixture upstream pid/.test(readFileSync(log, 'utf8')), 'never started');

    const client = await gatewayClient(serve.url, FULL_KEY, 'legacy');
    try {
      const names = (await client.listTools()).tools.map((tool) => tool.name);
      assert.ok(names.includes('notes__repeat'), `listed before it runs: ${names.join(', ')}`);
      const running = await waitForServer(dataDir, 'notes', (v) => v.state === 'running');
      assert.ok(running.pid !== null);
      assert.equal(
        textOf(await client.callTool({ name: 'notes__repeat', arguments: { text: 'hi' } })),
        'repeated: hi',
      );
    } finally {
      await client.close();
    }
  } finally {
    await serve.stop();
  }
});

test('a first request that is a call waits for its server; a tool that changed meanwhile is held back, not called', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-start-call-'));
  const description = join(dataDir, 'description.txt');
  writeFileSync(description, 'Repeats the text it is given.');
  await servers(dataDir, ['add', 'notes', '--', ...FIXTURE_UPSTREAM]);
  await servers(dataDir, [
    'add',
    'pinned',
    '--env',
    `FIXTURE_DESCRIPTION_FILE=${description}`,
    '--',
    ...FIXTURE_UPSTREAM,
  ]);
  // Its tool says something else now: the approval (made at add) no longer holds.
  writeFileSync(description, 'Repeats the text, and sends it elsewhere too.');
  const serve = await startServe({ dataDir, args: ['--secret-store', 'file'] });
  try {
    // The very first request (no handshake before it, as a stateless call may come) is the changed tool's.
    const response = await rawRequest(serve, 'tools/call', {
      name: 'pinned__repeat',
      arguments: { text: 'x' },
    });
    const changed = ((await response.json()) as { result: { isError?: boolean } }).result;
    assert.equal(changed.isError, true);
    assert.match(textOf(changed), /held back since the server started: it changed/);
    const pinned = await waitForServer(dataDir, 'pinned', (v) => v.heldBack.length > 0);
    assert.deepEqual(
      pinned.heldBack.map((held) => [held.tool, held.reason]),
      [['repeat', 'changed']],
    );
    const client = await gatewayClient(serve.url, FULL_KEY, 'modern');
    try {
      const first = await client.callTool({ name: 'notes__repeat', arguments: { text: 'later' } });
      assert.equal(textOf(first), 'repeated: later');
      const names = (await client.listTools()).tools.map((tool) => tool.name);
      assert.ok(!names.includes('pinned__repeat'), 'no longer offered');
    } finally {
      await client.close();
    }
  } finally {
    await serve.stop();
  }
});

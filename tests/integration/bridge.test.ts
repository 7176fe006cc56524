import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import {
  CLI,
  CLI_NODE_FLAGS,
  freePort,
  runCli,
  startServe,
  type ServeProcess,
} from '../support/serve-process.ts';
import { FIXTURE_UPSTREAM, servers, waitForServer } from '../support/gateway-helpers.ts';

// `mcp-tray bridge` as a client starts it: a stdio MCP server whose config holds a key's name, the key read
// from the secret store (the file store here; tests/integration/bridge-keychain.test.ts reads the keychain).
const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-bridge-'));
const store = ['--data-dir', dataDir, '--secret-store', 'file'];
let port: number;
let serve: ServeProcess | undefined;

const startTray = async () => {
  serve = await startServe({ dataDir, args: ['--port', String(port), '--secret-store', 'file'] });
};

before(async () => {
  const created = await runCli([
    'keys',
    'create',
    '--name',
    'Claude Desktop',
    '--permissions',
    'tools:list,tools:call',
    ...store,
  ]);
  assert.equal(created.code, 0, created.stderr);
  // A server of the person's own behind MCP Tray, with a tool that answers only when cancelled (or in 30 s).
  await servers(dataDir, ['add', 'notes', '--', ...FIXTURE_UPSTREAM]);
  port = await freePort();
  await startTray();
});
after(async () => {
  await serve?.stop();
});

async function bridged(era: 'legacy' | 'auto', key = 'Claude Desktop') {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...CLI_NODE_FLAGS, CLI, 'bridge', '--key', key, '--port', String(port), ...store],
    env: { PATH: process.env['PATH'] ?? '' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'bridged', version: '1' }, { versionNegotiation: { mode: era } });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

const keyNameOf = (result: unknown) =>
  ((result as { structuredContent?: { keyName?: string } }).structuredContent ?? {}).keyName;

describe('mcp-tray bridge: a stdio server that reaches MCP Tray with a key from the secret store', () => {
  for (const era of ['legacy', 'auto'] as const) {
    test(`a ${era === 'legacy' ? '2025-era' : '2026-07-28'} client lists and calls tools as the named key`, async () => {
      const { client } = await bridged(era);
      try {
        const { tools } = await client.listTools();
        assert.ok(tools.some((tool) => tool.name === 'whoami'));
        assert.equal(keyNameOf(await client.callTool({ name: 'whoami', arguments: {} })), 'Claude Desktop');
        if (era === 'auto') assert.equal(client.getNegotiatedProtocolVersion?.(), '2026-07-28');
      } finally {
        await client.close();
      }
    });
  }

  test('MCP Tray stopped: the call fails saying so (and stderr says it); started again, the bridge reaches it', async () => {
    const { client, stderr } = await bridged('legacy');
    try {
      await serve?.stop();
      await assert.rejects(
        client.callTool({ name: 'whoami', arguments: {} }),
        /not running at http:\/\/127\.0\.0\.1/,
      );
      assert.match(stderr(), /MCP Tray bridge: MCP Tray is not running/);
      await startTray();
      assert.equal(keyNameOf(await client.callTool({ name: 'whoami', arguments: {} })), 'Claude Desktop');
    } finally {
      await client.close();
    }
  });

  test(
    'MCP Tray killed (kill -9) in the middle of a call: the call fails saying so at once; restarted, the bridge reaches it',
    { timeout: 60_000 },
    async () => {
      const { client, stderr } = await bridged('legacy');
      try {
        const call = client.callTool({ name: 'notes__wait_for_cancel', arguments: {} }, { timeout: 40_000 });
        // The call is in flight once MCP Tray runs the server and has handed it the call.
        await waitForServer(dataDir, 'notes', (view) => view.state === 'running', { MCP_API_KEYS: '' });
        await sleep(500);
        const killedAt = Date.now();
        serve?.child.kill('SIGKILL');
        await assert.rejects(
          call,
          /MCP Tray stopped while answering .* Start MCP Tray again if it is not running/,
        );
        assert.ok(Date.now() - killedAt < 5_000, 'said within seconds, not at the call timeout');
        assert.match(stderr(), /MCP Tray bridge: MCP Tray stopped while answering/);
        await startTray();
        assert.equal(keyNameOf(await client.callTool({ name: 'whoami', arguments: {} })), 'Claude Desktop');
      } finally {
        await client.close();
      }
    },
  );

  test('a key that does not exist stops the bridge with why; a revoked one is refused with why', async () => {
    const missing = await runCli(['bridge', '--key', 'Nobody', '--port', String(port), ...store]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Nobody/);
    assert.equal(missing.stdout, '', 'nothing but MCP on stdout');

    const created = await runCli(['keys', 'create', '--name', 'Soon Revoked', ...store]);
    assert.equal(created.code, 0, created.stderr);
    // Raw lines on the bridge's stdin and stdout, so that nothing but these calls reaches MCP Tray.
    const bridge = spawn(
      process.execPath,
      [...CLI_NODE_FLAGS, CLI, 'bridge', '--key', 'Soon Revoked', '--port', String(port), ...store],
      { env: { PATH: process.env['PATH'] ?? '' } },
    );
    let stderr = '';
    bridge.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const answers = createInterface({ input: bridge.stdout })[Symbol.asyncIterator]();
    const call = async (id: number) => {
      bridge.stdin.write(
        `${JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'whoami', arguments: {} } })}\n`,
      );
      const { value } = await answers.next();
      return JSON.parse(String(value)) as { id: number; result?: unknown; error?: { message: string } };
    };
    try {
      // A key made while MCP Tray runs is known to it within a moment, as its revocation is.
      let works = false;
      for (let id = 100; id < 160 && !works; id += 1) {
        works = (await call(id)).result !== undefined;
        if (!works) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(works, 'the key works before it is revoked');
      const revoked = await runCli(['keys', 'revoke', 'Soon Revoked', ...store]);
      assert.equal(revoked.code, 0, revoked.stderr);
      // The running server hears of the revocation within a moment: call until it refuses.
      let refusal: string | undefined;
      for (let id = 2; id < 60 && refusal === undefined; id += 1) {
        refusal = (await call(id)).error?.message;
        if (refusal === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.match(refusal ?? 'never refused', /refused the key "Soon Revoked"/);
      assert.match(stderr, /refused the key "Soon Revoked"/);
      assert.doesNotMatch(stderr, /mcp_[A-Za-z0-9]{20,}/, 'the key itself is never written out');
    } finally {
      bridge.stdin.end();
      await once(bridge, 'exit');
    }
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { EVERYTHING_UPSTREAM, servers, textOf, waitForServer } from '../support/gateway-helpers.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';
import { CLI, CLI_NODE_FLAGS, runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

// The bridge as a client would run it on a desktop: its key read from the OS keychain (a real Secret
// Service), and a user's server behind MCP Tray that asks the client things mid-call.
let keyring: SecretService;
let serve: ServeProcess;
let secret: string;
const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-bridge-keychain-'));

before(async () => {
  keyring = await startSecretService();
  const created = await runCli(['keys', 'create', '--name', 'Cursor', '--data-dir', dataDir], keyring.env);
  assert.equal(created.code, 0, created.stderr);
  secret = created.stdout.trim();
  await servers(dataDir, ['add', 'everything', '--', ...EVERYTHING_UPSTREAM], keyring.env);
  serve = await startServe({ dataDir, env: keyring.env });
  await waitForServer(dataDir, 'everything', (view) => view.state !== 'starting', keyring.env);
});
after(async () => {
  await serve.stop();
  await keyring.stop();
});

/** Every file under `dir`, with its text. */
function filesUnder(dir: string): [string, string][] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [[path, readFileSync(path, 'utf8')] as [string, string]];
  });
}

describe('mcp-tray bridge with the OS keychain', () => {
  test('the key comes from the keychain; requests to the client and progress go both ways', async () => {
    const client = new Client({ name: 'bridged', version: '1' }, { capabilities: { sampling: {} } });
    client.setRequestHandler('sampling/createMessage', () => ({
      role: 'assistant' as const,
      content: { type: 'text' as const, text: 'a sampled answer' },
      model: 'test-model',
    }));
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [
          ...CLI_NODE_FLAGS,
          CLI,
          'bridge',
          '--key',
          'Cursor',
          '--port',
          String(serve.port),
          '--data-dir',
          dataDir,
        ],
        env: { PATH: process.env['PATH'] ?? '', ...keyring.env },
      }),
    );
    try {
      const who = (await client.callTool({ name: 'whoami', arguments: {} })) as {
        structuredContent?: { keyName?: string };
      };
      assert.equal(who.structuredContent?.keyName, 'Cursor');
      const sampled = await client.callTool({
        name: 'everything__trigger-sampling-request',
        arguments: { prompt: 'hello' },
      });
      assert.match(textOf(sampled), /a sampled answer/);
      const progress: number[] = [];
      await client.callTool(
        { name: 'everything__trigger-long-running-operation', arguments: { duration: 1, steps: 3 } },
        { onprogress: (update) => progress.push(update.progress) },
      );
      assert.ok(progress.length >= 2, `progress came through the bridge: ${progress.join(', ')}`);
    } finally {
      await client.close();
    }
    for (const [path, text] of filesUnder(dataDir))
      assert.ok(!text.includes(secret), `the key is in ${path}`);
  });
});

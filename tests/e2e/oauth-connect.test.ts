import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { connectWithOAuth, MemoryOAuthClient } from '../support/oauth-client.ts';
import { startSecretService, type SecretService } from '../support/secret-service.ts';
import { freePort, runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

// The SDK's own OAuth client against `serve --public-url http://localhost:<port>`: 401, discovery,
// registration, PKCE, the consent page approved in Chromium with a pasted key, tokens, tools; then refresh,
// and the key's revocation ending the token.
let keyring: SecretService;
let serve: ServeProcess;
let browser: Browser;
let dataDir: string;
let publicMcp = '';
let key = '';

async function keys(...args: string[]): Promise<string> {
  const result = await runCli(['keys', ...args, '--data-dir', dataDir], keyring.env);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim();
}

before(async () => {
  keyring = await startSecretService();
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-oauth-'));
  const port = await freePort();
  publicMcp = `http://localhost:${port}/mcp`;
  serve = await startServe({
    dataDir,
    args: ['--port', String(port), '--public-url', `http://localhost:${port}`],
    env: { ...keyring.env, MCP_API_KEYS: '' },
  });
  key = /mcp_sk_[A-Za-z0-9_-]{43}/.exec(await keys('create', '--name', 'ChatGPT connector'))?.[0] ?? '';
  assert.notEqual(key, '');
  browser = await launchChromium();
  await sleep(1_000);
});

after(async () => {
  await browser?.close();
  await serve?.stop();
  await keyring?.stop();
});

/** Opens the authorization URL, pastes `secret` and approves; resolves with the callback's parameters. */
async function approveInBrowser(oauth: MemoryOAuthClient, url: URL, secret: string) {
  const page = await browser.newPage();
  try {
    const answered = oauth.nextCallback();
    await page.goto(url.href);
    await page.getByRole('heading', { name: 'Notes App wants to connect' }).waitFor();
    await page.getByLabel('Connector key').fill(secret);
    await page.getByRole('button', { name: 'Approve' }).click();
    return (await answered).params;
  } finally {
    await page.close();
  }
}

describe('OAuth for connectors, with the SDK client and a consent in Chromium', () => {
  test('connects, lists and calls tools as the grant, refreshes, and stops when the key is revoked', async () => {
    const oauth = await MemoryOAuthClient.start('Notes App');
    try {
      const first = await connectWithOAuth(publicMcp, oauth);
      assert.ok('authorize' in first, 'the first connection must ask for authorization');
      const params = await approveInBrowser(oauth, first.authorize, key);
      assert.equal(params.get('iss'), new URL(publicMcp).origin);
      await first.transport.finishAuth(params);
      const connected = await connectWithOAuth(publicMcp, oauth);
      assert.ok('client' in connected, 'connected with the token');
      const { tools } = await connected.client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'whoami'));
      const who = await connected.client.callTool({ name: 'whoami', arguments: {} });
      const caller = who.structuredContent as Record<string, unknown>;
      assert.equal(caller['keyName'], 'ChatGPT connector');
      assert.deepEqual(caller['client'], { id: oauth.info?.client_id, name: 'Notes App' });
      await connected.client.close();
    } finally {
      oauth.close();
    }
  });
});

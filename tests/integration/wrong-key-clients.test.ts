import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  Client,
  StreamableHTTPClientTransport,
  type OAuthClientProvider,
} from '@modelcontextprotocol/client';
import { FULL_KEY, serveDuringTests } from '../support/serve-process.ts';
import { rawRequest } from '../support/raw-http.ts';

const server = serveDuringTests();

const WRONG_KEY = 'mcp_sk_not_a_key_this_server_knows_0000000000000';
const WHAT_IS_WRONG =
  /This server uses API keys, not OAuth: the client's key is missing or wrong\. Copy it again from MCP Tray/;

/** mcp-remote's own client (`mcp-remote-client`), as Claude Desktop's bridge runs, with its output. */
async function mcpRemote(key: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    [
      join(import.meta.dirname, '..', '..', 'node_modules', 'mcp-remote', 'dist', 'client.js'),
      server().url,
      '--transport',
      'http-only',
      '--header',
      `X-API-Key:${key}`,
    ],
    // Its OAuth state goes under HOME/.mcp-auth: a fresh one, so nothing from another run is reused.
    { env: { PATH: process.env['PATH'] ?? '', HOME: mkdtempSync(join(tmpdir(), 'mcp-remote-home-')) } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}

/** The smallest OAuth provider the SDK client takes: nothing stored, no browser to open. */
function noBrowserProvider(): OAuthClientProvider & { opened: URL[] } {
  return {
    opened: [],
    redirectUrl: 'http://127.0.0.1:1/callback',
    clientMetadata: { client_name: 'wrong-key test', redirect_uris: ['http://127.0.0.1:1/callback'] },
    clientInformation: () => undefined,
    saveClientInformation: () => {},
    tokens: () => undefined,
    saveTokens: () => {},
    redirectToAuthorization(url) {
      this.opened.push(url);
    },
    saveCodeVerifier: () => {},
    codeVerifier: () => 'verifier',
  };
}

describe('a wrong key in real clients says what is wrong, not "registration rejected"', () => {
  test('the 401 challenge says invalid_token, with a description', async () => {
    const res = await rawRequest(server().port, {
      method: 'POST',
      path: '/mcp',
      headers: { 'x-api-key': WRONG_KEY, 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    });
    assert.equal(res.status, 401);
    assert.match(
      String(res.headers['www-authenticate']),
      /^Bearer realm="MCP Tray", error="invalid_token", error_description="unknown API key; copy it again from MCP Tray"$/,
    );
  });

  test('every OAuth endpoint a client tries answers 404 with the real problem', async () => {
    for (const [method, path] of [
      ['GET', '/.well-known/oauth-protected-resource/mcp'],
      ['GET', '/.well-known/oauth-authorization-server'],
      ['GET', '/.well-known/openid-configuration'],
      ['POST', '/register'],
      ['GET', '/authorize'],
      ['POST', '/token'],
    ] as const) {
      const res = await rawRequest(server().port, { method, path });
      assert.equal(res.status, 404, path);
      const body = res.json() as { error: string; message: string };
      assert.equal(body.error, 'oauth_not_enabled', path);
      assert.match(body.message, WHAT_IS_WRONG, path);
    }
  });

  test('mcp-remote (Claude Desktop’s bridge) with a wrong key reports it; with the right one it lists tools', async () => {
    const wrong = await mcpRemote(WRONG_KEY);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.output, WHAT_IS_WRONG);
    const right = await mcpRemote(FULL_KEY);
    assert.match(right.output, /"name": "whoami"/, right.output);
    assert.doesNotMatch(right.output, /oauth_not_enabled/);
  });

  test('the SDK client’s OAuth path with a wrong key ends in the same message, and no browser opens', async () => {
    const provider = noBrowserProvider();
    const client = new Client({ name: 'wrong-key-sdk', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(server().url), {
      authProvider: provider,
      requestInit: { headers: { 'X-API-Key': WRONG_KEY } },
    });
    await assert.rejects(client.connect(transport), WHAT_IS_WRONG);
    assert.deepEqual(provider.opened, []);
  });
});

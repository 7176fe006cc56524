import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse as parseShell } from 'shell-quote';
import { parse as parseToml } from 'smol-toml';
import {
  CLIENT_IDS,
  connectorConfig,
  type Platform,
} from '../../../src-shared/connectors/connector-configs.ts';

const KEY = 'mcp_sk_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const URL = 'http://127.0.0.1:3210/mcp';
const PLATFORMS: Platform[] = ['darwin', 'win32', 'linux'];
const input = (platform: Platform = 'darwin', extra = {}) => ({
  mcpUrl: URL,
  apiKey: KEY,
  platform,
  ...extra,
});

function argv(text: string): string[] {
  const words = parseShell(text.trim());
  assert.ok(
    words.every((word) => typeof word === 'string'),
    `no shell operators in ${text}`,
  );
  return words as string[];
}

describe('connector configs', () => {
  test('every client has a config on every OS, and says whether it holds the key', () => {
    for (const client of CLIENT_IDS) {
      for (const platform of PLATFORMS) {
        const config = connectorConfig(client, input(platform));
        assert.equal(config.client, client);
        assert.ok(config.steps.length > 0);
        assert.equal(config.containsKey, config.text.includes(KEY), `${client} ${platform}`);
      }
    }
  });

  test('Claude Code: claude mcp add with options before the name, the header as one argument', () => {
    assert.deepEqual(argv(connectorConfig('claude-code', input()).text), [
      'claude',
      'mcp',
      'add',
      '--transport',
      'http',
      '--scope',
      'user',
      'mcp-tray',
      URL,
      '--header',
      `X-API-Key: ${KEY}`,
    ]);
  });

  test('Cursor: mcpServers with url and the key read from ${env:MCP_TRAY_KEY}', () => {
    for (const platform of PLATFORMS) {
      const config = connectorConfig('cursor', input(platform));
      assert.deepEqual(JSON.parse(config.text), {
        mcpServers: { 'mcp-tray': { url: URL, headers: { 'X-API-Key': '${env:MCP_TRAY_KEY}' } } },
      });
      assert.match(
        config.path ?? '',
        platform === 'win32' ? /^%USERPROFILE%\\\.cursor\\mcp\.json$/ : /^~\/\.cursor\/mcp\.json$/,
      );
      assert.match(
        config.steps[0] ?? '',
        platform === 'win32' ? /setx MCP_TRAY_KEY/ : /export MCP_TRAY_KEY=/,
      );
    }
  });

  test('VS Code: top-level servers, type http, and a password input so the key is not in the file', () => {
    const config = connectorConfig('vscode', input('linux'));
    const parsed = JSON.parse(config.text) as {
      servers: Record<string, { type: string; url: string; headers: Record<string, string> }>;
      inputs: { type: string; id: string; password: boolean }[];
    };
    assert.deepEqual(Object.keys(parsed), ['servers', 'inputs']);
    const server = parsed.servers['mcp-tray'];
    assert.equal(server?.type, 'http');
    assert.equal(server?.url, URL);
    const inputId = /^\$\{input:(.+)\}$/.exec(server?.headers['X-API-Key'] ?? '')?.[1];
    assert.deepEqual(parsed.inputs, [
      { type: 'promptString', id: inputId, description: 'MCP Tray API key', password: true },
    ]);
    assert.equal(config.path, '~/.config/Code/User/mcp.json');
  });

  test('Claude Desktop: mcp-remote over npx, no spaces inside any argument, the key in env', () => {
    for (const platform of PLATFORMS) {
      const config = connectorConfig('claude-desktop', input(platform));
      const entry = (
        JSON.parse(config.text) as {
          mcpServers: Record<string, { command: string; args: string[]; env: Record<string, string> }>;
        }
      ).mcpServers['mcp-tray'];
      assert.equal(entry?.command, 'npx');
      assert.deepEqual(entry?.args, [
        '-y',
        'mcp-remote',
        URL,
        '--transport',
        'http-only',
        '--header',
        'X-API-Key:${MCP_TRAY_KEY}',
      ]);
      assert.ok(entry?.args.every((arg) => !arg.includes(' ')));
      assert.deepEqual(entry?.env, { MCP_TRAY_KEY: KEY });
    }
    assert.equal(
      connectorConfig('claude-desktop', input('darwin')).path,
      '~/Library/Application Support/Claude/claude_desktop_config.json',
    );
    assert.equal(
      connectorConfig('claude-desktop', input('win32')).path,
      '%APPDATA%\\Claude\\claude_desktop_config.json',
    );
  });

  test('Codex: TOML that parses to mcp_servers.mcp-tray with url and bearer_token_env_var', () => {
    const config = connectorConfig('codex', input());
    assert.deepEqual(JSON.parse(JSON.stringify(parseToml(config.text))), {
      mcp_servers: { 'mcp-tray': { url: URL, bearer_token_env_var: 'MCP_TRAY_KEY' } },
    });
    assert.equal(config.path, '~/.codex/config.toml');
  });

  test('Responses API: the mcp tool object, with the public URL when there is one', () => {
    const local = connectorConfig('responses-api', input());
    assert.deepEqual(JSON.parse(local.text), {
      type: 'mcp',
      server_label: 'mcp_tray',
      server_url: URL,
      headers: { 'X-API-Key': KEY },
      require_approval: 'never',
    });
    assert.match(local.note ?? '', /cannot reach 127\.0\.0\.1.*public HTTPS/);
    const tunnelled = connectorConfig(
      'responses-api',
      input('darwin', { publicMcpUrl: 'https://tray.example.com/mcp' }),
    );
    assert.equal(
      (JSON.parse(tunnelled.text) as { server_url: string }).server_url,
      'https://tray.example.com/mcp',
    );
    assert.equal(tunnelled.note, undefined);
  });

  test('ChatGPT: the URL and an honest note that it needs a public URL and OAuth', () => {
    const config = connectorConfig('chatgpt', input());
    assert.equal(config.text.trim(), URL);
    assert.match(config.note ?? '', /public HTTPS/);
    assert.match(config.note ?? '', /OAuth, which MCP Tray does not offer yet/);
    assert.equal(config.containsKey, false);
  });

  test('curl: a ping with the key that splits into the expected argv, on POSIX and Windows', () => {
    const expected = (program: string) => [
      program,
      '-sS',
      URL,
      '-H',
      `X-API-Key: ${KEY}`,
      '-H',
      'Content-Type: application/json',
      '-H',
      'Accept: application/json, text/event-stream',
      '-H',
      'MCP-Protocol-Version: 2025-11-25',
      '-d',
      '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    ];
    assert.deepEqual(argv(connectorConfig('curl', input('linux')).text), expected('curl'));
    assert.deepEqual(argv(connectorConfig('curl', input('win32')).text), expected('curl.exe'));
  });

  test('a server name other than the default is used everywhere', () => {
    for (const client of CLIENT_IDS) {
      const config = connectorConfig(client, input('darwin', { serverName: 'tray2' }));
      if (['claude-code', 'cursor', 'vscode', 'claude-desktop', 'codex'].includes(client)) {
        assert.match(config.text, /tray2/, client);
        assert.doesNotMatch(config.text, /mcp-tray/, client);
      }
    }
  });
});

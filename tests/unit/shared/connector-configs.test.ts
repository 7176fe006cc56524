import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse as parseShell } from 'shell-quote';
import { parse as parseToml } from 'smol-toml';
import {
  CLIENT_IDS,
  clientIdsFor,
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
        for (const publicMcpUrl of [undefined, 'https://tray.example.com/mcp']) {
          const config = connectorConfig(client, input(platform, publicMcpUrl ? { publicMcpUrl } : {}));
          assert.equal(config.client, client);
          // A client that cannot connect gets what is missing, and no steps that cannot work.
          if (config.blocked) assert.deepEqual([config.text, config.steps], ['', []], client);
          else assert.ok(config.steps.length > 0, client);
          assert.equal(config.containsKey, config.text.includes(KEY), `${client} ${platform}`);
        }
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

  test('Cursor: mcpServers with url and the key in the header, marked as holding it (a Dock-started Cursor sees no shell variables)', () => {
    for (const platform of PLATFORMS) {
      const config = connectorConfig('cursor', input(platform));
      assert.deepEqual(JSON.parse(config.text), {
        mcpServers: { 'mcp-tray': { url: URL, headers: { 'X-API-Key': KEY } } },
      });
      assert.equal(config.containsKey, true);
      assert.match(config.note ?? '', /holds your key/);
      assert.match(
        config.path ?? '',
        platform === 'win32' ? /^%USERPROFILE%\\\.cursor\\mcp\.json$/ : /^~\/\.cursor\/mcp\.json$/,
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
        'mcp-remote@0.15',
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

  test('Responses API: the mcp tool object with the public URL; without one, what is missing and no steps', () => {
    const local = connectorConfig('responses-api', input());
    assert.equal(local.blocked?.fix, 'settings');
    assert.match(
      local.blocked?.message ?? '',
      /cannot reach 127\.0\.0\.1.*public HTTPS.*Settings > Public URL/,
    );
    assert.deepEqual(local.steps, []);
    const tunnelled = connectorConfig(
      'responses-api',
      input('darwin', { publicMcpUrl: 'https://tray.example.com/mcp' }),
    );
    assert.deepEqual(JSON.parse(tunnelled.text), {
      type: 'mcp',
      server_label: 'mcp_tray',
      server_url: 'https://tray.example.com/mcp',
      headers: { 'X-API-Key': KEY },
      require_approval: 'never',
    });
    assert.equal(tunnelled.blocked, undefined);
  });

  test('ChatGPT connector: blocked without a public URL; else OAuth with the plain URL, and the key-in-URL way beside it only while keys in URLs are accepted', () => {
    const local = connectorConfig('chatgpt', input());
    assert.equal(local.blocked?.fix, 'settings');
    assert.match(local.blocked?.message ?? '', /public HTTPS.*Add to ChatGPT desktop/);
    assert.equal(local.containsKey, false);
    const public_ = { publicMcpUrl: 'https://t.example.com/mcp' };
    const config = connectorConfig('chatgpt', input('darwin', { ...public_, queryKeyAllowed: true }));
    assert.equal(config.blocked, undefined);
    assert.equal(config.text, 'https://t.example.com/mcp\n');
    assert.equal(config.containsKey, false);
    assert.match(config.steps.join(' '), /choose OAuth.*approval page: paste a key/);
    assert.deepEqual(
      config.alternatives?.map((a) => a.text),
      [`https://t.example.com/mcp?api_key=${encodeURIComponent(KEY)}\n`],
    );
    assert.match(config.note ?? '', /No authentication.*part of the URL.*rotate it if it leaks/);
    const refused = connectorConfig('chatgpt', input('darwin', { ...public_, queryKeyAllowed: false }));
    assert.equal(refused.blocked, undefined, 'OAuth works whether or not keys in URLs are accepted');
    assert.equal(refused.alternatives, undefined);
    assert.match(refused.note ?? '', /refuses keys in URLs/);
  });

  test('Claude connector: the public URL and the key as an X-API-Key header, never in the URL', () => {
    assert.equal(connectorConfig('claude-connector', input()).blocked?.fix, 'settings');
    const config = connectorConfig(
      'claude-connector',
      input('darwin', { publicMcpUrl: 'https://t.example.com/mcp' }),
    );
    assert.equal(config.text, `URL: https://t.example.com/mcp\nHeader: X-API-Key: ${KEY}\n`);
    assert.match(config.steps.join(' '), /Add custom connector.*custom header named X-API-Key/);
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
    const windows = connectorConfig('curl', input('win32'));
    assert.deepEqual(argv(windows.text), expected('curl.exe'));
    assert.equal(windows.textLabel, 'Command Prompt (cmd.exe)');
    const powershell = windows.alternatives?.find((a) => a.label === 'PowerShell')?.text ?? '';
    assert.match(powershell, /^Invoke-RestMethod -Method Post -Uri 'http:\/\/127\.0\.0\.1:3210\/mcp'/);
    assert.ok(powershell.includes(`'X-API-Key' = '${KEY}'`));
    assert.ok(powershell.includes(`-Body '{"jsonrpc":"2.0","id":1,"method":"ping"}'`));
  });

  test('a server name that would need quoting in a shell or TOML is refused', () => {
    for (const serverName of ['my tray', 'a;rm -rf', 'x]y', '', 'a'.repeat(65)]) {
      assert.throws(() => connectorConfig('codex', input('linux', { serverName })), /cannot name a server/);
    }
  });

  test('Claude Desktop is offered on macOS and Windows only', () => {
    assert.ok(clientIdsFor('darwin').includes('claude-desktop'));
    assert.ok(clientIdsFor('win32').includes('claude-desktop'));
    assert.ok(!clientIdsFor('linux').includes('claude-desktop'));
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

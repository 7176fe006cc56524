import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  clientConfigPaths,
  importedName,
  parseClientConfig,
} from '../../../../src-main/core/gateway/client-imports.ts';

const env = { GH_TOKEN: 'ghp_fromenv' };

describe('reading the servers of a client’s config', () => {
  test('Claude Desktop and Cursor: mcpServers, secret-looking values set apart, references resolved', () => {
    const text = JSON.stringify({
      mcpServers: {
        'My Files': { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'] },
        github: { command: 'npx', args: ['-y', 'gh-mcp'], env: { GITHUB_TOKEN: '${GH_TOKEN}', LOG: 'info' } },
        remote: {
          url: 'https://mcp.example.com/mcp',
          headers: { Authorization: 'Bearer abc', 'X-Team': 'blue' },
        },
        broken: { args: [] },
      },
    });
    const found = parseClientConfig('cursor', text, 'mcp.json', env, '/');
    assert.deepEqual(
      found.candidates.map((c) => c.server),
      [
        {
          name: 'my-files',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'],
          env: {},
          secretEnv: {},
        },
        {
          name: 'github',
          command: 'npx',
          args: ['-y', 'gh-mcp'],
          env: { LOG: 'info' },
          secretEnv: { GITHUB_TOKEN: 'ghp_fromenv' },
        },
        {
          name: 'remote',
          url: 'https://mcp.example.com/mcp',
          headers: { 'X-Team': 'blue' },
          secretHeaders: { Authorization: 'Bearer abc' },
        },
      ],
    );
    assert.deepEqual(found.skipped, ['broken: has neither a command nor a url']);
  });

  test('a value that refers to something MCP Tray cannot read is skipped with why', () => {
    const text = JSON.stringify({
      mcpServers: { db: { command: 'db-mcp', env: { DB_PASSWORD: '${env:NOT_SET}' } } },
    });
    const found = parseClientConfig('claude-desktop', text, 'c.json', {}, '/');
    assert.deepEqual(found.candidates, []);
    assert.match(
      found.skipped[0] ?? '',
      /db: the variable DB_PASSWORD refers to a value MCP Tray cannot read/,
    );
  });

  test('VS Code: top-level servers in JSONC, comments and trailing commas included', () => {
    const text = `{
      // my servers
      "servers": {
        "memory": { "type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"], },
        "web": { "type": "http", "url": "https://web.example/mcp", "headers": { "X-API-Key": "\${input:key}" } },
      },
      "inputs": [],
    }`;
    const found = parseClientConfig('vscode', text, 'mcp.json', env, '/');
    assert.deepEqual(
      found.candidates.map((c) => c.server.name),
      ['memory'],
    );
    assert.match(found.skipped[0] ?? '', /web: the header X-API-Key refers to a value/);
  });

  test('a file that cannot be parsed is refused, saying where', () => {
    assert.throws(
      () => parseClientConfig('cursor', '{"mcpServers": {', 'mcp.json', env, '/'),
      /mcp\.json cannot be read: .* on line 1/,
    );
    assert.throws(
      () => parseClientConfig('codex', '[mcp_servers\nx = ', 'config.toml', env, '/'),
      /config\.toml cannot be read/,
    );
  });

  test('Codex: [mcp_servers.NAME] in TOML, with env, http_headers, env_http_headers and bearer_token_env_var', () => {
    const text = [
      '[mcp_servers.docs]',
      'command = "uvx"',
      'args = ["docs-mcp"]',
      'env = { API_KEY = "k-123" }',
      '',
      '[mcp_servers.cloud]',
      'url = "https://cloud.example/mcp"',
      'bearer_token_env_var = "GH_TOKEN"',
      'http_headers = { "X-Region" = "eu" }',
    ].join('\n');
    const found = parseClientConfig('codex', text, 'config.toml', env, '/');
    assert.deepEqual(
      found.candidates.map((c) => c.server),
      [
        { name: 'docs', command: 'uvx', args: ['docs-mcp'], env: {}, secretEnv: { API_KEY: 'k-123' } },
        {
          name: 'cloud',
          url: 'https://cloud.example/mcp',
          headers: { 'X-Region': 'eu' },
          secretHeaders: { Authorization: 'Bearer ghp_fromenv' },
        },
      ],
    );
  });

  test('Claude Code: the user’s servers and those of the current project', () => {
    const text = JSON.stringify({
      mcpServers: { global: { type: 'stdio', command: 'g' } },
      projects: {
        '/work/app': { mcpServers: { local: { type: 'http', url: 'http://127.0.0.1:9000/mcp' } } },
        '/other': { mcpServers: { no: { command: 'x' } } },
      },
    });
    assert.deepEqual(
      parseClientConfig('claude-code', text, '.claude.json', env, '/work/app').candidates.map(
        (c) => c.server.name,
      ),
      ['global', 'local'],
    );
  });

  test('where each client’s config lives on each OS', () => {
    assert.deepEqual(clientConfigPaths('claude-desktop', 'darwin', '/Users/ada', {}), [
      '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json',
    ]);
    assert.match(
      clientConfigPaths('claude-desktop', 'win32', 'C:\\Users\\ada', {
        APPDATA: 'C:\\Users\\ada\\AppData\\Roaming',
      })[0] ?? '',
      /Roaming.Claude.claude_desktop_config\.json$/,
    );
    assert.deepEqual(clientConfigPaths('vscode', 'linux', '/home/ada', {}), [
      '/home/ada/.config/Code/User/mcp.json',
    ]);
    assert.deepEqual(clientConfigPaths('codex', 'linux', '/home/ada', { CODEX_HOME: '/opt/codex' }), [
      '/opt/codex/config.toml',
    ]);
    assert.deepEqual(clientConfigPaths('cursor', 'darwin', '/Users/ada', {}), [
      '/Users/ada/.cursor/mcp.json',
    ]);
  });

  test('client names become server names', () => {
    assert.equal(importedName('My Files'), 'my-files');
    assert.equal(importedName('brave_search.v2'), 'brave-search-v2');
    assert.equal(importedName('!!!'), 'server');
    assert.equal(importedName('x'.repeat(40)).length, 32);
  });
});

import {
  KEY_ENV_VAR,
  serverNameOf,
  setKeyEnvStep,
  type ConnectorConfig,
  type ConnectorInput,
  type Platform,
} from './connector-types.ts';

/** The bridge Claude Desktop runs, pinned to one major version (0.x: its minor). */
export const MCP_REMOTE = 'mcp-remote@0.15';

/** Clients that run on this computer and so reach http://127.0.0.1 directly. */

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function homePath(platform: Platform, posix: string, windows: string): string {
  return platform === 'win32' ? windows : posix;
}

export function claudeCode(input: ConnectorInput): ConnectorConfig {
  const name = serverNameOf(input);
  return {
    client: 'claude-code',
    title: 'Claude Code',
    format: 'shell',
    // Options go before the server name; the header value holds a space, so it is quoted.
    text: `claude mcp add --transport http --scope user ${name} ${input.mcpUrl} --header "X-API-Key: ${input.apiKey}"\n`,
    steps: ['Run this in a terminal.', 'Start Claude Code and type /mcp: mcp-tray is listed as connected.'],
    containsKey: true,
  };
}

export function cursor(input: ConnectorInput): ConnectorConfig {
  const name = serverNameOf(input);
  return {
    client: 'cursor',
    title: 'Cursor',
    format: 'json',
    text: json({ mcpServers: { [name]: { url: input.mcpUrl, headers: { 'X-API-Key': input.apiKey } } } }),
    path: homePath(input.platform, '~/.cursor/mcp.json', '%USERPROFILE%\\.cursor\\mcp.json'),
    steps: [
      'Merge this into the file (create it if it does not exist).',
      'In Cursor: Settings > MCP shows mcp-tray with its tools.',
    ],
    // An ${env:...} reference works only when Cursor is started from a shell that has the variable: from
    // the Dock or the Start menu it sees none, and every request would be refused.
    note: 'This file then holds your key: keep it private, and rotate the key in MCP Tray if the file leaks. (Cursor started from the Dock or Start menu does not see shell variables, so the key goes in the file.)',
    containsKey: true,
  };
}

export function vscode(input: ConnectorInput): ConnectorConfig {
  const name = serverNameOf(input);
  const inputId = `${name}-key`;
  const userDir = {
    darwin: '~/Library/Application Support/Code/User/mcp.json',
    win32: '%APPDATA%\\Code\\User\\mcp.json',
    linux: '~/.config/Code/User/mcp.json',
  }[input.platform];
  return {
    client: 'vscode',
    title: 'VS Code',
    format: 'json',
    text: json({
      servers: {
        [name]: { type: 'http', url: input.mcpUrl, headers: { 'X-API-Key': `\${input:${inputId}}` } },
      },
      inputs: [{ type: 'promptString', id: inputId, description: 'MCP Tray API key', password: true }],
    }),
    path: userDir,
    steps: [
      'Paste this into the file (or into .vscode/mcp.json in one project).',
      'VS Code asks for the key the first time; paste the key from MCP Tray. It is kept in VS Code’s secret storage.',
    ],
    note: 'The key is never written in the file: VS Code prompts for it once.',
    containsKey: false,
  };
}

export function claudeDesktop(input: ConnectorInput): ConnectorConfig {
  const name = serverNameOf(input);
  const path = {
    darwin: '~/Library/Application Support/Claude/claude_desktop_config.json',
    win32: '%APPDATA%\\Claude\\claude_desktop_config.json',
    linux: '~/.config/Claude/claude_desktop_config.json',
  }[input.platform];
  return {
    client: 'claude-desktop',
    title: 'Claude Desktop',
    format: 'json',
    text: json({
      mcpServers: {
        [name]: {
          command: 'npx',
          // No spaces inside an argument: Claude Desktop on Windows splits arguments at spaces.
          args: [
            '-y',
            // A major pinned: a new mcp-remote cannot change what Claude Desktop runs under the user's feet.
            MCP_REMOTE,
            input.mcpUrl,
            '--transport',
            'http-only',
            '--header',
            `X-API-Key:\${${KEY_ENV_VAR}}`,
          ],
          env: { [KEY_ENV_VAR]: input.apiKey },
        },
      },
    }),
    path,
    steps: [
      'Needs Node.js (for npx) on this computer.',
      'Merge this into the file, then quit and reopen Claude Desktop.',
      'Its config file takes only local programs, so mcp-remote bridges to MCP Tray.',
    ],
    note: 'Add to Claude Desktop (Connect, above; or mcp-tray connect claude-desktop) writes this for you with MCP Tray’s own bridge instead: no key in the file, and no Node.js needed.',
    containsKey: true,
  };
}

export function codex(input: ConnectorInput): ConnectorConfig {
  const name = serverNameOf(input);
  return {
    client: 'codex',
    title: 'Codex CLI',
    format: 'toml',
    text: `[mcp_servers.${name}]\nurl = ${JSON.stringify(input.mcpUrl)}\nbearer_token_env_var = "${KEY_ENV_VAR}"\n`,
    path: homePath(input.platform, '~/.codex/config.toml', '%USERPROFILE%\\.codex\\config.toml'),
    steps: [setKeyEnvStep(input.platform, input.apiKey), 'Add this to the file, then start codex.'],
    note: 'Codex sends the key as Authorization: Bearer, which MCP Tray accepts.',
    containsKey: false,
  };
}

export function curlTest(input: ConnectorInput): ConnectorConfig {
  const body = '{"jsonrpc":"2.0","id":1,"method":"ping"}';
  const headers: [string, string][] = [
    ['X-API-Key', input.apiKey],
    ['Content-Type', 'application/json'],
    ['Accept', 'application/json, text/event-stream'],
    ['MCP-Protocol-Version', '2025-11-25'],
  ];
  const works = 'Run this in a terminal. {"jsonrpc":"2.0","id":1,"result":{}} means the key works.';
  if (input.platform !== 'win32') {
    return {
      client: 'curl',
      title: 'Test with curl',
      format: 'shell',
      text: `curl -sS ${input.mcpUrl} ${headers.map(([n, v]) => `-H '${n}: ${v}'`).join(' ')} -d '${body}'\n`,
      steps: [works],
      containsKey: true,
    };
  }
  // PowerShell mangles quotes passed to native programs, so its form uses its own web cmdlet.
  const powershellHeaders = headers
    .filter(([n]) => n !== 'Content-Type')
    .map(([n, v]) => `'${n}' = '${v}'`)
    .join('; ');
  return {
    client: 'curl',
    title: 'Test with curl',
    format: 'shell',
    textLabel: 'Command Prompt (cmd.exe)',
    text: `curl.exe -sS ${input.mcpUrl} ${headers.map(([n, v]) => `-H "${n}: ${v}"`).join(' ')} -d "${body.replaceAll('"', '\\"')}"\n`,
    alternatives: [
      {
        label: 'PowerShell',
        text: `Invoke-RestMethod -Method Post -Uri '${input.mcpUrl}' -ContentType 'application/json' -Headers @{ ${powershellHeaders} } -Body '${body}'\n`,
      },
    ],
    steps: [
      'Run the one for your terminal. {"jsonrpc":"2.0","id":1,"result":{}} (PowerShell: jsonrpc 2.0, id 1, an empty result) means the key works.',
    ],
    containsKey: true,
  };
}

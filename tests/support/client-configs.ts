import type { ConnectClientId } from '../../src-shared/connect-view.ts';

/**
 * Configs as people have them: other servers, comments where the format takes them, unusual formatting
 * (tabs, compact objects, CRLF-free odd spacing). Each is what the client's file holds before MCP Tray.
 */
export const EXISTING_CONFIGS: Record<ConnectClientId, string> = {
  'chatgpt-desktop': [
    '# my Codex settings',
    'model = "gpt-5.5"',
    '',
    '[mcp_servers.github]   # the GitHub server',
    'command = "npx"',
    'args = ["-y", "@github/mcp"]',
    '',
    '[mcp_servers.github.env]',
    'GITHUB_TOKEN_ENV = "GH"',
    '',
    '[profiles.fast]',
    'model = "gpt-5.5-mini"',
    '',
  ].join('\n'),
  codex: ['model = "o4"', '[mcp_servers.docs]', 'url = "https://docs.example.com/mcp"', ''].join('\n'),
  'claude-desktop':
    '{\n\t"mcpServers": {\n\t\t"files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/me"]}\n\t},\n\t"globalShortcut": "Ctrl+Space"\n}\n',
  'claude-code': JSON.stringify(
    {
      numStartups: 12,
      projects: { '/home/me/app': { allowedTools: [], mcpServers: {} } },
      mcpServers: { sentry: { type: 'http', url: 'https://mcp.sentry.dev/mcp' } },
      userID: 'abc',
    },
    null,
    2,
  ),
  cursor: '{ "mcpServers": { "linear": { "url": "https://mcp.linear.app/mcp" } } }\n',
  vscode: [
    '{',
    '    // servers I use at work',
    '    "servers": {',
    '        "playwright": { "command": "npx", "args": ["@playwright/mcp@latest"] }, // browser',
    '        /* off for now',
    '        "old": { "url": "http://localhost:9/mcp" }, */',
    '    },',
    '    "inputs": [',
    '        { "type": "promptString", "id": "gh-token", "password": true }',
    '    ]',
    '}',
    '',
  ].join('\n'),
  windsurf: '{\n  "mcpServers": {}\n}\n',
  gemini: [
    '{',
    '  // Gemini CLI settings',
    '  "theme": "GitHub",',
    '  "mcpServers": {',
    '    "weather": { "httpUrl": "https://weather.example.com/mcp" }',
    '  }',
    '}',
    '',
  ].join('\n'),
  opencode: [
    '{',
    '  "$schema": "https://opencode.ai/config.json",',
    '  // models',
    '  "model": "anthropic/claude-sonnet-4-5",',
    '  "mcp": {',
    '    "context7": { "type": "remote", "url": "https://mcp.context7.com/mcp", "enabled": true },',
    '  },',
    '}',
    '',
  ].join('\n'),
  zed: [
    '// Zed settings',
    '//',
    '// For information on how to configure Zed, see the Zed documentation.',
    '{',
    '  "ui_font_size": 16,',
    '  "buffer_font_size": 15,',
    '  "theme": { "mode": "system", "light": "One Light", "dark": "One Dark" }',
    '}',
    '',
  ].join('\n'),
  'lm-studio': '{\n  "mcpServers": {\n    "hf": { "url": "https://huggingface.co/mcp" }\n  }\n}',
};

/** The comments of a config, to check that each one is still there after an edit. */
export function commentsOf(text: string): string[] {
  // Only where a comment can start (a line's start or after a space): `https://…` in a string is no comment.
  return text.match(/(?<=^|\s)(\/\/[^\n]*|\/\*[\s\S]*?\*\/|#[^\n]*)/gm) ?? [];
}

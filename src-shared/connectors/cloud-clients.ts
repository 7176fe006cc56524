import { DEFAULT_SERVER_NAME, type ConnectorConfig, type ConnectorInput } from './connector-types.ts';

/** Clients that run in a vendor's cloud: they cannot reach 127.0.0.1, only a public HTTPS URL. */

const NEEDS_PUBLIC_URL =
  'This client runs on the vendor’s servers, not on your computer, so it cannot reach 127.0.0.1. It needs a public ' +
  'HTTPS address for MCP Tray (a tunnel such as cloudflared or ngrok); set it under Settings > Public URL.';

export function responsesApi(input: ConnectorInput): ConnectorConfig {
  return {
    client: 'responses-api',
    title: 'OpenAI Responses API',
    format: 'json',
    text: `${JSON.stringify(
      {
        type: 'mcp',
        server_label: (input.serverName ?? DEFAULT_SERVER_NAME).replaceAll('-', '_'),
        server_url: input.publicMcpUrl ?? input.mcpUrl,
        headers: { 'X-API-Key': input.apiKey },
        require_approval: 'never',
      },
      null,
      2,
    )}\n`,
    steps: [
      'Put this object in the "tools" array of your responses.create call.',
      'The key is sent with every request: keep this code private, or read the key from an environment variable.',
    ],
    ...(input.publicMcpUrl === undefined && { note: NEEDS_PUBLIC_URL }),
    containsKey: true,
  };
}

export function chatgpt(input: ConnectorInput): ConnectorConfig {
  const url = input.publicMcpUrl ?? input.mcpUrl;
  return {
    client: 'chatgpt',
    title: 'ChatGPT connector',
    format: 'text',
    text: `${url}\n`,
    steps: [
      'In ChatGPT: Settings > Connectors, turn on Developer mode under Advanced, then Create a connector.',
      'Paste the URL above as the MCP server URL.',
    ],
    note:
      `${input.publicMcpUrl === undefined ? `${NEEDS_PUBLIC_URL} ` : ''}ChatGPT (like Claude on the web) has no field ` +
      'for an API key: it signs in with OAuth, which MCP Tray does not offer yet. Until it does, ChatGPT cannot connect; ' +
      'local clients (Claude Code, Cursor, VS Code, Codex) can.',
    containsKey: false,
  };
}

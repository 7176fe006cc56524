import { serverNameOf, type ConnectorConfig, type ConnectorInput } from './connector-types.ts';

/** Clients that run in a vendor's cloud: they cannot reach 127.0.0.1, only a public HTTPS URL. */

const NEEDS_PUBLIC_URL =
  'This client runs on the vendor’s servers, not on your computer, so it cannot reach 127.0.0.1. It needs a public ' +
  'HTTPS address for MCP Tray (a tunnel such as cloudflared or ngrok to this port), and none is set: add it under ' +
  'Settings > Public URL, then come back here.';

/** What a blocked client shows instead of text and steps. */
function blocked(
  client: ConnectorConfig['client'],
  title: string,
  message: string,
  fix: 'settings' | 'none',
): ConnectorConfig {
  return {
    client,
    title,
    format: 'text',
    text: '',
    steps: [],
    containsKey: false,
    blocked: { message, fix },
  };
}

export function responsesApi(input: ConnectorInput): ConnectorConfig {
  const title = 'OpenAI Responses API';
  if (input.publicMcpUrl === undefined) return blocked('responses-api', title, NEEDS_PUBLIC_URL, 'settings');
  return {
    client: 'responses-api',
    title,
    format: 'json',
    text: `${JSON.stringify(
      {
        type: 'mcp',
        server_label: serverNameOf(input).replaceAll('-', '_'),
        server_url: input.publicMcpUrl,
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
    containsKey: true,
  };
}

/**
 * ChatGPT's connectors have no field for a key: they sign in with OAuth, which MCP Tray does not offer yet,
 * so no steps are given that cannot work. (The ChatGPT desktop app runs local servers from Codex's config.)
 */
export function chatgpt(input: ConnectorInput): ConnectorConfig {
  const oauth =
    'ChatGPT’s connectors (like Claude on the web) have no field for an API key: they sign in with OAuth, which ' +
    'MCP Tray does not offer yet, so they cannot connect today. The ChatGPT desktop app reads Codex’s config ' +
    '(~/.codex/config.toml): the Codex CLI entry connects it on this computer.';
  return input.publicMcpUrl === undefined
    ? blocked('chatgpt', 'ChatGPT connector', `${NEEDS_PUBLIC_URL} ${oauth}`, 'settings')
    : blocked('chatgpt', 'ChatGPT connector', oauth, 'none');
}

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
 * ChatGPT's connectors (developer mode) have no field for a key: OAuth is the way (ChatGPT registers itself
 * and opens MCP Tray's approval page, where a key is pasted). "No authentication" with the key in the URL is
 * offered beside it, with what that costs, when the server accepts keys in URLs. (The ChatGPT desktop app
 * runs local servers: Connect > Add to ChatGPT desktop.)
 */
export function chatgpt(input: ConnectorInput): ConnectorConfig {
  const title = 'ChatGPT connector';
  if (input.publicMcpUrl === undefined)
    return blocked(
      'chatgpt',
      title,
      `${NEEDS_PUBLIC_URL} (On this computer, the ChatGPT desktop app needs none: Connect > Add to ChatGPT desktop.)`,
      'settings',
    );
  const withKey = new URL(input.publicMcpUrl);
  withKey.searchParams.set('api_key', input.apiKey);
  const keyInUrl =
    input.queryKeyAllowed === false
      ? 'The other way, "No authentication" with the key in the URL, is off: this server refuses keys in URLs (Settings).'
      : 'Where OAuth cannot be used, "No authentication" with the second URL works too, but the key is then part of the URL: it shows in ChatGPT’s connector settings and can end up in logs on the way. Use a key made for ChatGPT alone and rotate it if it leaks.';
  return {
    client: 'chatgpt',
    title,
    format: 'text',
    textLabel: 'Connector URL',
    text: `${input.publicMcpUrl}\n`,
    ...(input.queryKeyAllowed !== false && {
      alternatives: [{ label: 'For "No authentication": the URL with the key', text: `${withKey.href}\n` }],
    }),
    steps: [
      'In ChatGPT: Settings > Apps & Connectors > Advanced settings: turn on Developer mode.',
      'Create a connector: name it MCP Tray, paste the connector URL, and choose OAuth.',
      'ChatGPT opens MCP Tray’s approval page: paste a key (Keys > Copy connector key; one made for ChatGPT alone is best) and Approve.',
      'In a chat, pick the connector from the + menu (Developer mode).',
    ],
    note: `OAuth is recommended: ChatGPT gets its own token, listed under Keys > Connected apps, and the key never leaves this computer. ${keyInUrl}`,
    containsKey: false,
  };
}

/**
 * Claude's custom connectors (claude.ai, and Claude Desktop's Settings > Connectors) send static headers
 * (x-api-key is on their list; Pro, Max and Team first), so the key goes in a header, not in the URL.
 */
export function claudeConnector(input: ConnectorInput): ConnectorConfig {
  const title = 'Claude connector';
  if (input.publicMcpUrl === undefined)
    return blocked('claude-connector', title, NEEDS_PUBLIC_URL, 'settings');
  return {
    client: 'claude-connector',
    title,
    format: 'text',
    text: `URL: ${input.publicMcpUrl}\nHeader: X-API-Key: ${input.apiKey}\n`,
    steps: [
      'In Claude: Settings > Connectors > Add custom connector. Name it MCP Tray and paste the URL.',
      'Under Advanced settings, add a custom header named X-API-Key with the key as its value, then Add.',
      'In a chat, turn MCP Tray on from the tools menu.',
    ],
    note: 'Custom headers reach Claude plans in turn (Pro, Max and Team first). Where Advanced settings has no headers yet, add the connector with the URL alone: Claude then connects with OAuth, and MCP Tray’s approval page asks for a key.',
    containsKey: true,
  };
}

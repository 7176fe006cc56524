import { chatgpt, claudeConnector, responsesApi } from './cloud-clients.ts';
import type { ClientId, ConnectorConfig, ConnectorInput, Platform } from './connector-types.ts';
import { claudeCode, claudeDesktop, codex, cursor, curlTest, vscode } from './local-clients.ts';

export type { ClientId, ConnectorConfig, ConnectorInput, Platform } from './connector-types.ts';

const GENERATORS: Record<ClientId, (input: ConnectorInput) => ConnectorConfig> = {
  'claude-code': claudeCode,
  cursor,
  vscode,
  'claude-desktop': claudeDesktop,
  codex,
  'responses-api': responsesApi,
  chatgpt,
  'claude-connector': claudeConnector,
  curl: curlTest,
};

/** Every client, in the order the dashboard offers them. */
export const CLIENT_IDS = Object.keys(GENERATORS) as ClientId[];

/** The clients that exist on this OS: Claude Desktop has no Linux version. */
export function clientIdsFor(platform: Platform): ClientId[] {
  return CLIENT_IDS.filter((id) => !(id === 'claude-desktop' && platform === 'linux'));
}

/** The exact config for one client: what to paste, where, and what to do. A pure function. */
export function connectorConfig(client: ClientId, input: ConnectorInput): ConnectorConfig {
  return GENERATORS[client](input);
}

import type { ClientId } from '../../../src-shared/connectors/connector-configs.ts';

/** Each client as the pickers name it. */
export const CLIENT_TITLES: Record<ClientId, string> = {
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  vscode: 'VS Code',
  'claude-desktop': 'Claude Desktop',
  codex: 'Codex CLI',
  'responses-api': 'OpenAI Responses API',
  chatgpt: 'ChatGPT connector',
  'claude-connector': 'Claude connector (claude.ai)',
  curl: 'curl (test)',
};

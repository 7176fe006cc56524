import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { streamLogger } from '../../src-main/core/logger.ts';
import { resolveServerConfig } from '../../src-main/core/server/server-config.ts';
import { startServer, type RunningServer } from '../../src-main/core/server/start-server.ts';
import {
  defineTool,
  type ToolDefinition,
  type ToolProvider,
} from '../../src-main/core/tools/tool-provider.ts';
import { TEST_API_KEYS } from './serve-process.ts';

/** A tool that answers its own name. */
export function echoTool(name: string): ToolDefinition {
  return defineTool({
    name,
    title: name,
    description: `answers ${name}`,
    inputSchema: z.object({}),
    call: async () => ({ content: [{ type: 'text', text: name }] }),
  });
}

/** An in-process server on a free port with the test keys (MCP_API_KEYS) and these providers. */
export function serverWithProviders(providers: readonly ToolProvider[]): Promise<RunningServer> {
  const config = resolveServerConfig(
    { port: '0', dataDir: mkdtempSync(join(tmpdir(), 'mcp-tray-providers-')), secretStore: 'file' },
    { MCP_API_KEYS: TEST_API_KEYS },
  );
  return startServer(config, { logger: streamLogger(() => {}), version: '0.0.0-test', providers });
}

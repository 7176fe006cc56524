import type { McpServer } from '@modelcontextprotocol/server';
import type { ToolDefinition } from '../tools/tool-provider.ts';
import { ExchangeTransport } from './exchange-transport.ts';

interface PoolEntry {
  tools: readonly ToolDefinition[];
  server: McpServer;
  transport: ExchangeTransport;
}

const MAX_ENTRIES = 32;

/**
 * Long-lived servers for 2025-era (stateless) traffic, one per distinct set of callable tools. Building an
 * McpServer for every request was most of the cost of a tool call; callers allowed the same tools share
 * one, and it is rebuilt when a provider's tools change.
 */
export class LegacyServerPool {
  private readonly entries = new Map<string, PoolEntry>();
  private readonly build: (tools: readonly ToolDefinition[]) => McpServer;

  constructor(build: (tools: readonly ToolDefinition[]) => McpServer) {
    this.build = build;
  }

  async transportFor(tools: readonly ToolDefinition[]): Promise<ExchangeTransport> {
    const key = tools.map((tool) => tool.name).join('\n');
    const entry = this.entries.get(key);
    if (entry !== undefined && sameTools(entry.tools, tools)) {
      // Re-insert so the Map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.transport;
    }
    if (entry !== undefined) void this.retire(key, entry);
    const server = this.build(tools);
    const transport = new ExchangeTransport();
    await server.connect(transport);
    this.entries.set(key, { tools, server, transport });
    if (this.entries.size > MAX_ENTRIES) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, PoolEntry];
      void this.retire(oldestKey, oldest);
    }
    return transport;
  }

  async close(): Promise<void> {
    await Promise.all([...this.entries].map(([key, entry]) => this.retire(key, entry)));
  }

  private async retire(key: string, entry: PoolEntry): Promise<void> {
    if (this.entries.get(key) === entry) this.entries.delete(key);
    await entry.server.close().catch(() => {});
  }
}

function sameTools(a: readonly ToolDefinition[], b: readonly ToolDefinition[]): boolean {
  return a.length === b.length && a.every((tool, index) => tool === b[index]);
}

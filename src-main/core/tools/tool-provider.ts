import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/server';
import type { z } from 'zod';
import type { Caller } from '../../../src-shared/caller.ts';

/** One tool as the server offers it. `inputSchema` is a zod v4 object, as the MCP SDK requires. */
export interface ToolDefinition<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  inputSchema: z.ZodObject<Shape>;
  annotations?: ToolAnnotations;
  call(args: z.infer<z.ZodObject<Shape>>, caller: Caller): Promise<CallToolResult>;
}

/**
 * A source of tools: the built-ins now; later a gateway to the user's own MCP servers, a folder search.
 * A provider may get ready before the server listens (`start`), let go of what it holds (`close`), and
 * change its set at any time, saying so through `onChange`. The server asks `tools()` on every request,
 * so it answers from what the provider has now (a cache), never by waiting on something.
 */
export interface ToolProvider {
  readonly id: string;
  start?(): Promise<void>;
  close?(): Promise<void>;
  tools(): readonly ToolDefinition[];
  /** Calls `listener` whenever `tools()` would answer differently; returns the unsubscribe. */
  onChange?(listener: () => void): () => void;
}

/** Lets a provider declare tools with inferred argument types and still return them as one list. */
export function defineTool<Shape extends z.ZodRawShape>(tool: ToolDefinition<Shape>): ToolDefinition {
  return tool as unknown as ToolDefinition;
}

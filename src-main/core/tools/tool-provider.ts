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
 * A source of tools: the built-ins now; later a gateway to local stdio servers, a folder search.
 * The server asks every provider for its tools on each request, so a provider may change its set at any time.
 */
export interface ToolProvider {
  readonly id: string;
  tools(): readonly ToolDefinition[];
}

/** Lets a provider declare tools with inferred argument types and still return them as one list. */
export function defineTool<Shape extends z.ZodRawShape>(tool: ToolDefinition<Shape>): ToolDefinition {
  return tool as unknown as ToolDefinition;
}

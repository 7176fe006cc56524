import type {
  CallToolResult,
  CompleteResult,
  GetPromptResult,
  PromptArgument,
  ReadResourceResult,
  Resource,
  ResourceTemplateType,
  Tool,
} from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { Caller } from '../../../src-shared/caller.ts';

/** Where a gateway tool comes from. */
export interface ToolOrigin {
  server: string;
  tool: string;
}

/** A request for the calling client (MCP's server-to-client requests), as an upstream makes it mid-call. */
export interface ClientInputRequest {
  method: 'sampling/createMessage' | 'elicitation/create' | 'roots/list';
  params?: Record<string, unknown>;
}

/**
 * What a call may use beyond its arguments: the client's cancellation, progress sent back to it, and
 * requests put to it (sampling, elicitation, roots) by whatever connection it came on.
 */
export interface CallContext {
  signal: AbortSignal;
  /** Reports progress to the client, when it asked for progress (a no-op otherwise). */
  progress(progress: number, total?: number, message?: string): void;
  /**
   * Puts a request to the calling client and resolves with its answer; rejects with a message saying why
   * when the client cannot answer it (it did not declare the capability, or went away). `name` is what the
   * asker calls it (a 2026-07-28 upstream's own `inputRequests` key): a 2026-07-28 client is asked under that
   * name where it is free.
   */
  ask(request: ClientInputRequest, name?: string): Promise<Record<string, unknown>>;
}

/**
 * One tool as the server lists it (the wire shape: `inputSchema` is JSON Schema) and how to call it. The
 * provider checks the arguments itself: a gateway passes them to its upstream untouched, the built-ins
 * check them with zod (see defineTool).
 */
export interface ToolDefinition extends Omit<Tool, 'inputSchema'> {
  inputSchema: Tool['inputSchema'];
  /** For a gateway tool: the server behind it and the tool's own name there (for the audit log; not listed). */
  origin?: ToolOrigin;
  /**
   * The tool needs nothing of its call's context but the caller and the cancellation: it never asks the
   * client or reports progress, and its `structuredContent`, when it has one, is a JSON object. Such a tool
   * is served without the SDK's dispatch where the request allows it (see direct-tools.ts; not listed).
   */
  direct?: true;
  call(args: Record<string, unknown>, caller: Caller, context: CallContext): Promise<CallToolResult>;
}

/** One resource as listed, and how to read it. */
export interface ResourceDefinition extends Resource {
  read(caller: Caller, context: CallContext): Promise<ReadResourceResult>;
}

/** A family of resources by URI template: `read` is asked for any URI the provider says it serves. */
export interface ResourceTemplateDefinition extends ResourceTemplateType {
  /** Whether a URI belongs to this template (reads of unlisted URIs are routed by it). */
  serves(uri: string): boolean;
  read(uri: string, caller: Caller, context: CallContext): Promise<ReadResourceResult>;
}

/** One prompt as listed (its arguments are strings, as MCP defines them), and how to get it. */
export interface PromptDefinition {
  name: string;
  title?: string;
  description?: string;
  arguments?: PromptArgument[];
  get(args: Record<string, string>, caller: Caller, context: CallContext): Promise<GetPromptResult>;
  /** Suggestions for one argument's value, when the provider has them. */
  complete?(argument: string, value: string, caller: Caller): Promise<CompleteResult['completion']>;
}

/** Which of a provider's lists changed. */
export type OfferChange = 'tools' | 'resources' | 'prompts';

/**
 * A source of tools, resources and prompts: the built-ins, the gateway to the user's own MCP servers, a
 * folder search. A provider may get ready before the server listens (`start`), let go of what it holds
 * (`close`), and change its lists at any time, saying so through `onChange`. The server asks for the
 * lists on every request, so a provider answers from what it has now (a cache), never by waiting.
 */
export interface ToolProvider {
  readonly id: string;
  start?(): Promise<void>;
  close?(): Promise<void>;
  tools(): readonly ToolDefinition[];
  resources?(): readonly ResourceDefinition[];
  resourceTemplates?(): readonly ResourceTemplateDefinition[];
  prompts?(): readonly PromptDefinition[];
  /** Calls `listener` whenever one of the lists would answer differently; returns the unsubscribe. */
  onChange?(listener: (change: OfferChange) => void): () => void;
  /** A client is here: start what was left until needed (called on every request; cheap once awake). */
  wake?(): void;
}

/** A tool whose arguments a zod object checks before `call` sees them, listed with its JSON Schema. */
export interface ZodTool<Shape extends z.ZodRawShape> extends Omit<ToolDefinition, 'inputSchema' | 'call'> {
  inputSchema: z.ZodObject<Shape>;
  call(args: z.infer<z.ZodObject<Shape>>, caller: Caller, context: CallContext): Promise<CallToolResult>;
}

/** Arguments a tool refused; the server answers them as the SDK's own servers do (an error result). */
export class ToolInputError extends Error {}

/** As the SDK's own servers answer a tool that threw: an error result the model can read, not a fault. */
export function toolFailure(error: unknown): CallToolResult {
  return { content: [{ type: 'text', text: (error as Error).message }], isError: true };
}

/** Declares a tool with zod-typed arguments; wrong arguments are refused with what was wrong. */
export function defineTool<Shape extends z.ZodRawShape>(tool: ZodTool<Shape>): ToolDefinition {
  const { inputSchema, call, ...rest } = tool;
  const listed = z.toJSONSchema(inputSchema, { io: 'input' }) as Record<string, unknown>;
  delete listed['$schema'];
  return {
    ...rest,
    inputSchema: { ...listed, type: 'object' },
    call: async (args, caller, context) => {
      const parsed = inputSchema.safeParse(args);
      if (!parsed.success)
        throw new ToolInputError(
          `Input validation error: Invalid arguments for tool ${tool.name}: ${z.prettifyError(parsed.error)}`,
        );
      return call(parsed.data, caller, context);
    },
  };
}

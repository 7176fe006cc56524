import {
  isInputRequiredResult,
  ProtocolError,
  ProtocolErrorCode,
  ResourceNotFoundError,
  Server,
  SUPPORTED_PROTOCOL_VERSIONS,
  type CallToolResult,
  type InputRequiredResult,
  type McpServerFactory,
  type ServerCapabilities,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type { Caller } from '../../../src-shared/caller.ts';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import { toolFailure, type CallContext } from '../tools/tool-provider.ts';
import { callerFromAuthInfo } from './caller-auth-info.ts';
import { EMPTY_OFFER, type Offer } from './caller-offer.ts';
import { legacyAsk, runModern, type ModernInput } from './client-input.ts';
import { listed } from './listed-definition.ts';
import { MODERN_REVISION } from './modern-exchange.ts';
import type { OfferCache } from './offer-cache.ts';

const INSTRUCTIONS =
  'MCP Tray connects this computer to your AI client. Call whoami to see which key you use and what it may do.';

function callerOf(ctx: ServerContext): Caller {
  const caller = callerFromAuthInfo(ctx.http?.authInfo);
  if (caller === undefined) throw new Error('This request carries no authenticated caller.');
  return caller;
}

/**
 * What a provider may use of the client's request: its cancellation, and progress sent back to it. `sent`
 * settles once every progress notification is written: the answer must not overtake them.
 */
function callContext(
  ctx: ServerContext,
): Pick<CallContext, 'signal' | 'progress'> & { sent(): Promise<void> } {
  const token = ctx.mcpReq._meta?.progressToken;
  let sent: Promise<void> = Promise.resolve();
  return {
    signal: ctx.mcpReq.signal,
    progress: (progress, total, message) => {
      if (token === undefined) return;
      const params = {
        progressToken: token,
        progress,
        ...(total !== undefined && { total }),
        ...(message !== undefined && { message }),
      };
      sent = sent.then(() => ctx.mcpReq.notify({ method: 'notifications/progress', params })).catch(() => {});
    },
    sent: () => sent,
  };
}

/**
 * Which protocol era a server answers, and so how a call puts requests to its client: on the 2025 era on
 * the call's own stream; on the 2026-07-28 era by answering `input_required` (see client-input.ts).
 */
export type Era = { kind: 'legacy' } | { kind: 'modern'; input: ModernInput };

/** Runs one call with the context of its request, its progress written before it answers. */
async function served<R>(
  era: Era,
  ctx: ServerContext,
  name: string,
  call: (context: CallContext) => Promise<R>,
): Promise<R | InputRequiredResult> {
  const context = callContext(ctx);
  try {
    if (era.kind === 'legacy') return await call({ ...context, ask: legacyAsk(ctx) });
    return await runModern(era.input, ctx, name, context, call);
  } finally {
    await context.sent();
  }
}

function capabilities(offer: Offer, listChanged: boolean): ServerCapabilities {
  const hasResources = offer.resources.length > 0 || offer.resourceTemplates.length > 0;
  return {
    tools: { listChanged },
    ...(hasResources && { resources: { listChanged } }),
    ...(offer.prompts.length > 0 && { prompts: { listChanged } }),
    ...(offer.prompts.some((prompt) => prompt.complete !== undefined) && { completions: {} }),
  };
}

/**
 * A server offering exactly `offer`. It holds no caller: each call reads the caller from the request's
 * auth info, so one server may serve every caller allowed the same things. Definitions are served as they
 * are listed (a gateway's upstream schemas pass through untouched). A change of lists reaches 2026-07-28
 * clients through `subscriptions/listen`; the 2025-era endpoint is stateless, with no stream to carry one.
 */
export function buildMcpServer(version: string, offer: Offer, era: Era = { kind: 'legacy' }): Server {
  const server = new Server(
    { name: PRODUCT_NAME, version },
    {
      instructions: INSTRUCTIONS,
      capabilities: capabilities(offer, era.kind === 'modern'),
      ...(era.kind === 'modern' && {
        requestState: { verify: era.input.codec.verify },
        supportedProtocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS, MODERN_REVISION],
      }),
    },
  );
  server.setRequestHandler('tools/list', () => ({ tools: offer.tools.map(listed) }));
  server.setRequestHandler('tools/call', async (request, ctx) => {
    const tool = offer.tools.find((t) => t.name === request.params.name);
    if (tool === undefined)
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Tool ${request.params.name} not found`);
    let result: CallToolResult | InputRequiredResult;
    try {
      const args = request.params.arguments ?? {};
      result = await served(era, ctx, tool.name, (context) => tool.call(args, callerOf(ctx), context));
    } catch (error) {
      result = toolFailure(error);
    }
    if (isInputRequiredResult(result)) return result as never;
    return server.projectCallToolResult(result, tool.outputSchema);
  });
  if (offer.resources.length > 0 || offer.resourceTemplates.length > 0) {
    server.setRequestHandler('resources/list', () => ({ resources: offer.resources.map(listed) }));
    server.setRequestHandler('resources/templates/list', () => ({
      resourceTemplates: offer.resourceTemplates.map(listed),
    }));
    server.setRequestHandler('resources/read', async (request, ctx) => {
      const { uri } = request.params;
      const resource = offer.resources.find((r) => r.uri === uri);
      const template = resource ? undefined : offer.resourceTemplates.find((t) => t.serves(uri));
      if (resource === undefined && template === undefined) throw new ResourceNotFoundError(uri);
      return (await served(era, ctx, uri, (context) =>
        resource !== undefined
          ? resource.read(callerOf(ctx), context)
          : template!.read(uri, callerOf(ctx), context),
      )) as never;
    });
  }
  if (offer.prompts.length > 0) {
    server.setRequestHandler('prompts/list', () => ({ prompts: offer.prompts.map(listed) }));
    server.setRequestHandler('prompts/get', async (request, ctx) => {
      const prompt = offer.prompts.find((p) => p.name === request.params.name);
      if (prompt === undefined)
        throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Prompt ${request.params.name} not found`);
      const args = request.params.arguments ?? {};
      return (await served(era, ctx, prompt.name, (context) =>
        prompt.get(args, callerOf(ctx), context),
      )) as never;
    });
  }
  if (offer.prompts.some((prompt) => prompt.complete !== undefined)) {
    server.setRequestHandler('completion/complete', async (request, ctx) => {
      const { ref, argument } = request.params;
      const prompt = ref.type === 'ref/prompt' ? offer.prompts.find((p) => p.name === ref.name) : undefined;
      const completion = (await prompt?.complete?.(argument.name, argument.value, callerOf(ctx))) ?? {
        values: [],
      };
      return { completion };
    });
  }
  return server;
}

/** For the SDK's per-request handler (the 2026-07-28 era): a fresh server with what the caller may use. */
export function mcpServerFactory(version: string, offers: OfferCache, input: ModernInput): McpServerFactory {
  const era: Era = { kind: 'modern', input };
  return ({ authInfo }) => {
    const caller = callerFromAuthInfo(authInfo);
    return buildMcpServer(version, caller === undefined ? EMPTY_OFFER : offers.for(caller.permissions), era);
  };
}

import { createMcpHandler, InMemoryServerEventBus } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import type { Request, Response } from 'express';
import type { ToolProvider } from '../tools/tool-provider.ts';
import type { ModernInput } from './client-input.ts';
import { mcpServerFactory } from './mcp-server-factory.ts';
import type { OfferCache } from './offer-cache.ts';

/** The largest request body served; a bigger one gets 413. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The 2026-07-28 requests the shared servers leave to the SDK's per-request handler (`createMcpHandler`),
 * `subscriptions/listen` among them. A provider's changed lists reach every open listen stream that asked
 * for them; those streams are served by a handler of their own on the same bus, so that shutdown can end
 * them without aborting the calls still in flight on the other.
 */
export function sdkServing(
  version: string,
  offers: OfferCache,
  input: ModernInput,
  providers: readonly ToolProvider[],
  onError: (error: Error) => void,
) {
  const bus = new InMemoryServerEventBus();
  const handlerOf = () =>
    createMcpHandler(mcpServerFactory(version, offers, input), {
      legacy: 'reject',
      onerror: onError,
      maxRequestBodySize: MAX_BODY_BYTES,
      bus,
    });
  const modern = handlerOf();
  const listens = handlerOf();
  const nodeOptions = { onerror: onError, maxRequestBodySize: MAX_BODY_BYTES };
  const serveModern = toNodeHandler(modern, nodeOptions);
  const serveListen = toNodeHandler(listens, nodeOptions);
  const unsubscribes = providers.flatMap(
    (provider) => provider.onChange?.((change) => bus.publish({ kind: `${change}_list_changed` })) ?? [],
  );
  return {
    serve: (req: Request, res: Response, body: unknown): Promise<void> =>
      isListen(body) ? serveListen(req, res, body) : serveModern(req, res, body),
    /** Ends the open `subscriptions/listen` streams (at shutdown: they would hold the server open). */
    endStreams: () => listens.close(),
    close: async () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
      await Promise.all([modern.close(), listens.close()]);
    },
  };
}

function isListen(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { method?: unknown }).method === 'subscriptions/listen'
  );
}

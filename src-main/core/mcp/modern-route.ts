import type { Request, Response } from 'express';
import type { Caller } from '../../../src-shared/caller.ts';
import type { ModernInput } from './client-input.ts';
import { servedDirect } from './direct-tools.ts';
import { buildMcpServer } from './mcp-server-factory.ts';
import {
  MODERN_REVISION,
  serveModernExchange,
  sharedModernRequest,
  type SharedModernRequest,
} from './modern-exchange.ts';
import type { OfferCache } from './offer-cache.ts';
import { ServerPool } from './server-pool.ts';

/**
 * The everyday 2026-07-28 requests (see sharedModernRequest): served by a shared server of the caller's
 * offer, bound to that era, instead of a server, a transport and a web Request built for each one; the
 * plain calls and lists of direct tools without the SDK's dispatch at all (see direct-tools.ts).
 */
export function modernServing(version: string, offers: OfferCache, input: ModernInput) {
  const pool = new ServerPool((offer) => buildMcpServer(version, offer, { kind: 'modern', input }), {
    era: 'modern',
    revision: MODERN_REVISION,
  });
  return {
    /** The request, when it is one of those served here. */
    takes: sharedModernRequest,
    serve: async (
      req: Request,
      res: Response,
      caller: Caller,
      shared: SharedModernRequest,
    ): Promise<void> => {
      const offer = offers.for(caller.permissions);
      const server = () => pool.serverFor(offer);
      if (await servedDirect(res, shared.request, offer, caller, { era: 'modern', version, server })) return;
      return serveModernExchange(req, res, await pool.transportFor(offer), shared);
    },
    close: () => pool.close(),
  };
}

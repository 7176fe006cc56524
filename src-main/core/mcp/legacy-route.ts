import type { Request, Response } from 'express';
import type { Caller } from '../../../src-shared/caller.ts';
import { LegacyCancellations } from './legacy-cancellations.ts';
import { servedDirect } from './direct-tools.ts';
import { refusedLegacyHeaders, serveLegacyExchange } from './legacy-exchange.ts';
import { ServerPool } from './server-pool.ts';
import { buildMcpServer } from './mcp-server-factory.ts';
import type { OfferCache } from './offer-cache.ts';

/**
 * 2025-era requests: served by the shared server of the caller's offer, cancellable by their own key; the
 * plain calls and lists of direct tools without the SDK's dispatch (see direct-tools.ts).
 */
export function legacyServing(version: string, offers: OfferCache) {
  const cancellations = new LegacyCancellations();
  const pool = new ServerPool((offer) => buildMcpServer(version, offer));
  return {
    serve: async (req: Request, res: Response, caller: Caller): Promise<void> => {
      if (refusedLegacyHeaders(req, res)) return;
      const offer = offers.for(caller.permissions);
      const server = () => pool.serverFor(offer);
      if (await servedDirect(res, req.body, offer, caller, { era: 'legacy', version, server })) return;
      const transport = await pool.transportFor(offer);
      return serveLegacyExchange(req, res, transport, cancellations, (owner, response) =>
        pool.answer(owner, response),
      );
    },
    close: () => pool.close(),
  };
}

import type { Request, Response } from 'express';
import type { Caller } from '../../../src-shared/caller.ts';
import { LegacyCancellations } from './legacy-cancellations.ts';
import { serveLegacyExchange } from './legacy-exchange.ts';
import { ServerPool } from './server-pool.ts';
import { buildMcpServer } from './mcp-server-factory.ts';
import type { OfferCache } from './offer-cache.ts';

/** 2025-era requests: served by the shared server of the caller's offer, cancellable by their own key. */
export function legacyServing(version: string, offers: OfferCache) {
  const cancellations = new LegacyCancellations();
  const pool = new ServerPool((offer) => buildMcpServer(version, offer));
  return {
    serve: (req: Request, res: Response, caller: Caller): Promise<void> =>
      pool
        .transportFor(offers.for(caller.permissions))
        .then((transport) =>
          serveLegacyExchange(req, res, transport, cancellations, (owner, response) =>
            pool.answer(owner, response),
          ),
        ),
    close: () => pool.close(),
  };
}

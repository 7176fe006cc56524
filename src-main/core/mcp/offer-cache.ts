import type { ToolProvider } from '../tools/tool-provider.ts';
import { offerFor, type Offer } from './caller-offer.ts';

/** Distinct permission sets remembered at once; more are rare (each key has one), and start the count again. */
const MAX_ENTRIES = 256;

/**
 * `offerFor`, remembered per set of permissions until a provider says its lists changed: every request
 * needs its caller's offer, and working it out again filtered every list each time. The same permissions
 * get the very same Offer object until then.
 */
export class OfferCache {
  private readonly offers = new Map<string, Offer>();
  private readonly providers: readonly ToolProvider[];
  private readonly unsubscribes: (() => void)[];

  constructor(providers: readonly ToolProvider[]) {
    this.providers = providers;
    this.unsubscribes = providers.flatMap((provider) => provider.onChange?.(() => this.offers.clear()) ?? []);
  }

  for(permissions: readonly string[]): Offer {
    const key = permissions.join('\n');
    let offer = this.offers.get(key);
    if (offer === undefined) {
      if (this.offers.size >= MAX_ENTRIES) this.offers.clear();
      offer = offerFor(this.providers, permissions);
      this.offers.set(key, offer);
    }
    return offer;
  }

  close(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.offers.clear();
  }
}

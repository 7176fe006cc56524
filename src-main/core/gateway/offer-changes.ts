import type { OfferChange } from '../tools/tool-provider.ts';
import type { GatewayOffer } from './gateway-offer.ts';

export const EMPTY_GATEWAY_OFFER: GatewayOffer = {
  tools: [],
  resources: [],
  resourceTemplates: [],
  prompts: [],
  collisions: new Map(),
  signatures: { tools: '[]', resources: '[]', prompts: '[]' },
};

/** Which lists differ between two offers (a state change alone, such as starting, changes none). */
export function changedLists(before: GatewayOffer, after: GatewayOffer): OfferChange[] {
  return (['tools', 'resources', 'prompts'] as const).filter(
    (list) => before.signatures[list] !== after.signatures[list],
  );
}

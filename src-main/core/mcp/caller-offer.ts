import { canCallTool, canGetPrompt, hasPermission } from '../../../src-shared/permissions.ts';
import type {
  PromptDefinition,
  ResourceDefinition,
  ResourceTemplateDefinition,
  ToolDefinition,
  ToolProvider,
} from '../tools/tool-provider.ts';

/** What one caller's server offers: only what its key may use. */
export interface Offer {
  tools: readonly ToolDefinition[];
  resources: readonly ResourceDefinition[];
  resourceTemplates: readonly ResourceTemplateDefinition[];
  prompts: readonly PromptDefinition[];
}

export const EMPTY_OFFER: Offer = { tools: [], resources: [], resourceTemplates: [], prompts: [] };

/**
 * The tools a key may call, the prompts it may get, and the resources when it may read them. Listing each
 * needs its own permission too (checked per message, see required-permission.ts).
 */
export function offerFor(providers: readonly ToolProvider[], permissions: readonly string[]): Offer {
  const reads = hasPermission(permissions, 'resources:read');
  return {
    tools: providers.flatMap((p) => p.tools().filter((tool) => canCallTool(permissions, tool.name))),
    resources: reads ? providers.flatMap((p) => p.resources?.() ?? []) : [],
    resourceTemplates: reads ? providers.flatMap((p) => p.resourceTemplates?.() ?? []) : [],
    prompts: providers.flatMap((p) => (p.prompts?.() ?? []).filter((x) => canGetPrompt(permissions, x.name))),
  };
}

/** Two offers of the very same definitions (a provider makes new ones when its lists change). */
export function sameOffer(a: Offer, b: Offer): boolean {
  const same = <T>(x: readonly T[], y: readonly T[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    same(a.tools, b.tools) &&
    same(a.resources, b.resources) &&
    same(a.resourceTemplates, b.resourceTemplates) &&
    same(a.prompts, b.prompts)
  );
}

/** A name for an offer's contents, for keeping one shared server per distinct offer. */
export function offerKey(offer: Offer): string {
  return [
    offer.tools.map((t) => t.name),
    offer.resources.map((r) => r.uri),
    offer.resourceTemplates.map((t) => t.uriTemplate),
    offer.prompts.map((p) => p.name),
  ]
    .map((names) => names.join('\n'))
    .join('\n\u0000\n');
}

import type { Client } from '@modelcontextprotocol/client';
import { UriTemplate, type GetPromptResult, type ReadResourceResult } from '@modelcontextprotocol/server';
import type { Caller } from '../../../src-shared/caller.ts';
import type {
  CallContext,
  PromptDefinition,
  ResourceDefinition,
  ResourceTemplateDefinition,
  ToolDefinition,
} from '../tools/tool-provider.ts';
import { canonicalJson, type HeldBackTool } from './tool-pins.ts';
import type { UpstreamSupervisor } from './upstream-supervisor.ts';

/** Joins a server's prefix and its tool's (or prompt's) own name. */
export const NAMESPACE_SEPARATOR = '__';

export function publicName(prefix: string | null, name: string): string {
  return prefix === null ? name : `${prefix}${NAMESPACE_SEPARATOR}${name}`;
}

export interface GatewayOffer {
  tools: ToolDefinition[];
  resources: ResourceDefinition[];
  resourceTemplates: ResourceTemplateDefinition[];
  prompts: PromptDefinition[];
  /** Per server: its tools held back because another one already has their public name. */
  collisions: Map<string, HeldBackTool[]>;
  /** Per list, what it shows and which supervisor answers each entry: equal signatures, equal lists. */
  signatures: Record<'tools' | 'resources' | 'prompts', string>;
}

/**
 * What the gateway offers, from every running server in servers.json order: tools and prompts under
 * `<prefix>__<name>` (or their own name with no prefix), calls routed back to their server under their own
 * name; resources keep their URIs and are read from the server that listed them. A name that is taken (by
 * a built-in tool or an earlier server) is held back for the later server and reported, never shadowed.
 */
export function gatewayOffer(
  upstreams: readonly UpstreamSupervisor[],
  taken: ReadonlySet<string>,
): GatewayOffer {
  const offer: GatewayOffer = {
    tools: [],
    resources: [],
    resourceTemplates: [],
    prompts: [],
    collisions: new Map(),
    signatures: { tools: '', resources: '', prompts: '' },
  };
  const signed = { tools: [] as unknown[], resources: [] as unknown[], prompts: [] as unknown[] };
  const toolNames = new Map<string, string>([...taken].map((name) => [name, 'MCP Tray']));
  const promptNames = new Set<string>();
  const uris = new Set<string>();
  for (const upstream of upstreams) {
    const lists = upstream.offered();
    const prefix = upstream.entry.prefix;
    /** Work on the running server, as one of its calls in flight (for what it asks the caller's client). */
    const onRunning = <R>(caller: Caller, context: CallContext, work: (client: Client) => Promise<R>) =>
      upstream.asks.during(caller.keyId, context, () => work(upstream.running()));
    const server = upstream.name;
    for (const tool of lists.tools) {
      const name = publicName(prefix, tool.name);
      const owner = toolNames.get(name);
      if (owner !== undefined) {
        const held = offer.collisions.get(server) ?? [];
        held.push({ tool: tool.name, reason: 'collision', clashesWith: `${name} (${owner})` });
        offer.collisions.set(server, held);
        continue;
      }
      toolNames.set(name, `server ${server}`);
      signed.tools.push([upstream.instance, tool]);
      offer.tools.push({
        ...tool,
        name,
        origin: { server, tool: tool.name },
        call: (args, caller, context) =>
          upstream.asks.during(caller.keyId, context, () => upstream.callTool(tool.name, args, context)),
      });
    }
    for (const prompt of lists.prompts) {
      const name = publicName(prefix, prompt.name);
      if (promptNames.has(name)) continue;
      promptNames.add(name);
      signed.prompts.push([upstream.instance, prompt]);
      offer.prompts.push({
        ...prompt,
        name,
        get: (args, caller, context) =>
          onRunning(caller, context, (client) =>
            client.getPrompt({ name: prompt.name, arguments: args }, { signal: context.signal }),
          ) as Promise<GetPromptResult>,
        complete: async (argument, value) =>
          (
            await upstream.running().complete({
              ref: { type: 'ref/prompt', name: prompt.name },
              argument: { name: argument, value },
            })
          ).completion,
      });
    }
    const read = (uri: string, caller: Caller, context: CallContext) =>
      onRunning(caller, context, (client) =>
        client.readResource({ uri }, { signal: context.signal, cacheMode: 'bypass' }),
      ) as Promise<ReadResourceResult>;
    for (const resource of lists.resources) {
      if (uris.has(resource.uri)) continue;
      uris.add(resource.uri);
      signed.resources.push([upstream.instance, resource]);
      offer.resources.push({ ...resource, read: (caller, context) => read(resource.uri, caller, context) });
    }
    for (const template of lists.resourceTemplates) {
      const matcher = new UriTemplate(template.uriTemplate);
      signed.resources.push([upstream.instance, template]);
      offer.resourceTemplates.push({
        ...template,
        serves: (uri) => matcher.match(uri) !== null,
        read: (uri, caller, context) => read(uri, caller, context),
      });
    }
  }
  offer.signatures = {
    tools: canonicalJson(signed.tools),
    resources: canonicalJson(signed.resources),
    prompts: canonicalJson(signed.prompts),
  };
  return offer;
}

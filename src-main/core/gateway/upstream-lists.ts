import type { Client, Prompt, Resource, ResourceTemplateType, Tool } from '@modelcontextprotocol/client';

/** What an upstream server offers, as it listed it (names unprefixed). */
export interface UpstreamLists {
  tools: Tool[];
  resources: Resource[];
  resourceTemplates: ResourceTemplateType[];
  prompts: Prompt[];
}

export const NO_LISTS: UpstreamLists = { tools: [], resources: [], resourceTemplates: [], prompts: [] };

/** Our own cache keeps the lists: the client's would only hide an upstream's changes. */
const FRESH = { cacheMode: 'bypass' as const };

/** Everything an upstream offers, all pages, asking only for what its capabilities say it has. */
export async function listEverything(client: Client): Promise<UpstreamLists> {
  const capabilities = client.getServerCapabilities() ?? {};
  const [tools, resources, resourceTemplates, prompts] = await Promise.all([
    capabilities.tools ? client.listTools(undefined, FRESH).then((r) => r.tools) : [],
    capabilities.resources ? client.listResources(undefined, FRESH).then((r) => r.resources) : [],
    capabilities.resources
      ? client
          .listResourceTemplates(undefined, FRESH)
          .then((r) => r.resourceTemplates)
          .catch(() => [])
      : [],
    capabilities.prompts ? client.listPrompts(undefined, FRESH).then((r) => r.prompts) : [],
  ]);
  return { tools, resources, resourceTemplates, prompts };
}

/**
 * Calls `changed` when the upstream says one of its lists changed: on a 2025-era connection it says so on
 * its own; a 2026-07-28 server is asked to, on a `subscriptions/listen` stream (where it offers one).
 */
export async function watchLists(
  client: Client,
  changed: (kind: 'tools' | 'resources' | 'prompts') => void,
): Promise<void> {
  client.setNotificationHandler('notifications/tools/list_changed', () => changed('tools'));
  client.setNotificationHandler('notifications/resources/list_changed', () => changed('resources'));
  client.setNotificationHandler('notifications/prompts/list_changed', () => changed('prompts'));
  if (!client.getNegotiatedProtocolVersion()?.startsWith('2026')) return;
  await client
    .listen({ toolsListChanged: true, resourcesListChanged: true, promptsListChanged: true })
    .catch(() => undefined);
}

import type { DoctorStep } from '../../../src-shared/doctor-view.ts';

type ListedTool = { name: string; inputSchema: { properties?: Record<string, unknown> } };

/** Whether `name` takes the one string argument `arg`, as ChatGPT's deep research calls it. */
function takesString(tools: readonly ListedTool[], name: string, arg: string): boolean | undefined {
  const tool = tools.find((t) => t.name === name);
  if (tool === undefined) return undefined;
  const property = tool.inputSchema.properties?.[arg] as { type?: unknown } | undefined;
  return property?.type === 'string';
}

/** ChatGPT's deep research and company knowledge look for `search(query)` and `fetch(id)`. */
export function searchFetchStep(tools: readonly ListedTool[]): DoctorStep {
  const search = takesString(tools, 'search', 'query');
  const fetchTool = takesString(tools, 'fetch', 'id');
  if (search === undefined && fetchTool === undefined)
    return {
      name: 'search and fetch',
      outcome: 'skip',
      detail: 'No search or fetch tools: ChatGPT can call the others, but deep research needs both.',
    };
  const ok = search === true && fetchTool === true;
  return {
    name: 'search and fetch',
    outcome: ok ? 'pass' : 'fail',
    detail: ok
      ? 'search takes a query and fetch an id, as ChatGPT calls them.'
      : `ChatGPT calls search({query}) and fetch({id}) with strings; here search is ${search === undefined ? 'missing' : search ? 'fine' : 'shaped otherwise'} and fetch is ${fetchTool === undefined ? 'missing' : fetchTool ? 'fine' : 'shaped otherwise'}.`,
    ...(!ok && {
      fix: 'Give both tools those arguments, or rename a server’s own search or fetch tools with a prefix (Servers).',
    }),
  };
}

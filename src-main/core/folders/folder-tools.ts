import type { CallToolResult } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { reachableFolders } from '../../../src-shared/permissions.ts';
import type { Caller } from '../../../src-shared/caller.ts';
import type { OfferChange, ToolDefinition, ToolProvider } from '../tools/tool-provider.ts';
import { defineTool } from '../tools/tool-provider.ts';
import { documentText } from './document-text.ts';
import type { FolderIndexer } from './folder-indexer.ts';
import { resolveFileId } from './file-ids.ts';
import type { SearchIndex } from './search-index.ts';

/** Results `search` gives at most (ChatGPT's own limit). */
const MAX_RESULTS = 20;
/** The text `fetch` gives at most; the cap is said in the result's metadata when a file goes past it. */
export const FETCH_TEXT_CHARS = 500_000;

export const FOLDER_TOOL_NAMES = ['search', 'fetch'] as const;

function json(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value };
}

function refused(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

export interface FolderToolsDeps {
  indexer: FolderIndexer;
  index: SearchIndex;
  /** Where a file opens in a browser (the public URL's /files/<id> when one is set). */
  fileUrl: (id: string) => string;
}

/**
 * `search` and `fetch` over the chosen folders, shaped as ChatGPT's deep research and connectors call them
 * (and any other client): listed only while at least one folder is set, read-only, limited to the folders a
 * key's `folders:` grants name. Search answers from what is indexed so far, and says when that is not all.
 */
export class FolderTools implements ToolProvider {
  readonly id = 'folders';
  private readonly deps: FolderToolsDeps;
  private readonly listeners = new Set<(change: OfferChange) => void>();
  private readonly definitions: ToolDefinition[];
  private listed = false;

  constructor(deps: FolderToolsDeps) {
    this.deps = deps;
    this.definitions = [this.searchTool(), this.fetchTool()];
  }

  tools(): readonly ToolDefinition[] {
    return this.listed ? this.definitions : [];
  }

  onChange(listener: (change: OfferChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The folders changed: the tools appear with the first one and go with the last. */
  foldersChanged(): void {
    const listed = this.deps.indexer.names().length > 0;
    if (listed === this.listed) return;
    this.listed = listed;
    for (const listener of this.listeners) listener('tools');
  }

  private reach(caller: Caller): string[] {
    return reachableFolders(caller.permissions, this.deps.indexer.names());
  }

  private searchTool(): ToolDefinition {
    return defineTool({
      name: 'search',
      title: 'Search your folders',
      description:
        'Searches the documents, notes and code in the folders shared in MCP Tray. Returns up to 20 results, best first: id, title, url and a snippet. Pass an id to fetch for the whole text.',
      inputSchema: z.object({
        query: z.string().min(1).max(1000).describe('What to look for: words or a phrase'),
      }),
      annotations: { readOnlyHint: true, openWorldHint: false, title: 'Search your folders' },
      direct: true,
      call: async ({ query }, caller) => {
        const folders = this.reach(caller);
        const everywhere = folders.length === this.deps.indexer.names().length;
        const hits = this.deps.index.search(query, folders, MAX_RESULTS, everywhere);
        const results = hits.map((hit) => ({ ...hit, url: this.deps.fileUrl(hit.id) }));
        const busy = this.deps.indexer
          .views()
          .filter((view) => folders.includes(view.name) && view.progress !== undefined)
          .map((view) => `${view.name} (${view.progress?.done} of ${view.progress?.total} files)`);
        return json({
          results,
          ...(busy.length > 0 && {
            note: `Still indexing ${busy.join(', ')}: these results come from what is indexed so far.`,
          }),
        });
      },
    });
  }

  private fetchTool(): ToolDefinition {
    return defineTool({
      name: 'fetch',
      title: 'Read a document',
      description:
        'Reads one document found with search, by its id: its whole text (up to 500,000 characters), title, url and metadata (path, size, modified time, type).',
      inputSchema: z.object({ id: z.string().min(1).max(4096).describe('An id from search results') }),
      annotations: { readOnlyHint: true, openWorldHint: false, title: 'Read a document' },
      direct: true,
      call: async ({ id }, caller) => {
        const found = await resolveFileId(id, this.reach(caller), this.deps);
        if ('problem' in found) return refused(found.problem);
        const { file, path } = found;
        const doc = await documentText(path, file.rel).catch((error: Error) => error);
        if (doc === undefined || doc instanceof Error)
          return refused(`"${id}" could not be read${doc instanceof Error ? `: ${doc.message}` : ''}.`);
        const truncated = doc.text.length > FETCH_TEXT_CHARS;
        return json({
          id,
          title: doc.title,
          text: truncated ? doc.text.slice(0, FETCH_TEXT_CHARS) : doc.text,
          url: this.deps.fileUrl(id),
          metadata: {
            folder: file.folder,
            path: file.rel,
            size: file.size,
            modified: new Date(file.mtimeMs).toISOString(),
            type: doc.type,
            ...(truncated && { truncated: true, textCap: FETCH_TEXT_CHARS, textLength: doc.text.length }),
          },
        });
      },
    });
  }
}

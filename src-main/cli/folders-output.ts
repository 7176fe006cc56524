import type { FolderView } from '../../src-shared/folder-view.ts';

export const FOLDERS_HELP = `Usage: mcp-tray folders <command> [options]

The folders that the built-in search and fetch tools reach (ChatGPT's deep research looks for them). None by
default; a running MCP Tray follows changes within 2 seconds and keeps its index current as files change.

Commands:
  add PATH [--name N]   search this folder (its name: --name, or made from the folder's own)
  list [--json]         each folder: name, path, files indexed, size, last indexed, state, problems
  remove NAME           stop searching it (its index goes too; the files stay where they are)
  reindex [NAME]        read one folder (or all) again from the start

Options:
  --data-dir PATH       where folders.json and the index live (env MCP_TRAY_DATA_DIR)

What is read: text, Markdown, code, JSON/YAML/TOML/CSV, HTML (as text), PDF and Word .docx, up to 10 MB a
file. Left out: binaries, what .gitignore and .mcpignore files exclude, version control, node_modules, and
secret files (.env, keys, .ssh). Symbolic links are followed only when they stay inside the folder.
`;

function size(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** One line of progress: a bar on a terminal, plain words otherwise. */
export function progressLine(view: FolderView, bar: boolean): string {
  const { done, total } = view.progress ?? { done: view.files, total: view.files };
  if (!bar) return `${view.name}: ${done} of ${total} files`;
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${view.name} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

export function describeFolders(views: readonly FolderView[]): string {
  if (views.length === 0) return 'No folders yet. Add one: mcp-tray folders add PATH\n';
  return views
    .map((view) => {
      const lines = [
        `${view.name}  ${view.path}`,
        `  ${view.files} files, ${size(view.bytes)}; ${view.state}${view.progress ? ` (${view.progress.done} of ${view.progress.total})` : ''}; last indexed ${view.lastIndexed ?? 'never'}`,
      ];
      if (view.skippedLarge > 0) lines.push(`  ${view.skippedLarge} files over the size cap left out`);
      for (const error of view.errors) lines.push(`  could not read ${error}`);
      return `${lines.join('\n')}\n`;
    })
    .join('');
}

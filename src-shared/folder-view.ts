/** A folder whose files `search` and `fetch` reach, as the dashboard and `folders list` show it. */
export interface FolderView {
  name: string;
  path: string;
  /** Files in the index now, and their size in bytes (of the files, not the index). */
  files: number;
  bytes: number;
  lastIndexed: string | null;
  state: 'indexing' | 'ready' | 'missing' | 'error';
  /** While a first indexing (or a reindex) runs: files done of those found. */
  progress?: { done: number; total: number };
  /** Files that could not be read (a broken PDF, no permission), by path, with why; a few at most. */
  errors: string[];
  /** How many were left out as too big, and the cap. */
  skippedLarge: number;
}

/** A folder's name: short, and usable in a permission (`folders:<name>`) and an id (`<name>/<path>`). */
export const FOLDER_NAME = /^[A-Za-z0-9_-]{1,40}$/;

/** The Folders screen: the folders, and the size cap of files read. */
export interface FoldersView {
  folders: FolderView[];
  maxFileBytes: number;
  /** folders.json could not be read (it was set aside): says where. */
  problem?: string;
}

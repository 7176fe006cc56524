import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { join } from 'node:path';
import type { DocumentType } from './document-text.ts';
import { fuzzyTerms, queryTerms } from './search-terms.ts';

export const INDEX_FILE = 'search-index.sqlite';
const SCHEMA_VERSION = '1';

export interface IndexedFile {
  id: string;
  folder: string;
  rel: string;
  title: string;
  type: DocumentType;
  size: number;
  mtimeMs: number;
}

export interface SearchHit {
  id: string;
  title: string;
  snippet: string;
}

/**
 * The full-text index of every folder, in `<data-dir>/search-index.sqlite` (SQLite FTS5 through node:sqlite:
 * BM25 ranking with titles weighted above bodies, prefix matching, and a fuzzy second try), so a restart
 * reads only what changed. Written by the indexer alone; `search` reads it while it is being filled.
 */
export class SearchIndex {
  private readonly db: DatabaseSync;
  private readonly statements: Record<string, StatementSync>;

  constructor(dataDir: string | ':memory:') {
    this.db = new DatabaseSync(dataDir === ':memory:' ? dataDir : join(dataDir, INDEX_FILE));
    // The CLI's reindex and a running server may write at once: one waits for the other.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;');
    this.migrate();
    this.db.exec('CREATE TABLE IF NOT EXISTS folder_state (folder TEXT PRIMARY KEY, state TEXT NOT NULL)');
    const sql = (text: string) => this.db.prepare(text);
    this.statements = {
      file: sql('SELECT id, folder, rel, title, type, size, mtime AS mtimeMs FROM files WHERE id = ?'),
      folderFiles: sql('SELECT rel, size, mtime AS mtimeMs FROM files WHERE folder = ?'),
      folderStats: sql(
        'SELECT count(*) AS files, coalesce(sum(size), 0) AS bytes FROM files WHERE folder = ?',
      ),
      putFile: sql(
        'INSERT OR REPLACE INTO files (id, folder, rel, title, type, size, mtime) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      dropDoc: sql('DELETE FROM docs WHERE id = ?'),
      putDoc: sql('INSERT INTO docs (id, folder, title, body) VALUES (?, ?, ?, ?)'),
      dropFile: sql('DELETE FROM files WHERE id = ?'),
      dropFolderDocs: sql('DELETE FROM docs WHERE folder = ?'),
      dropFolderFiles: sql('DELETE FROM files WHERE folder = ?'),
      getState: sql('SELECT state FROM folder_state WHERE folder = ?'),
      putState: sql('INSERT OR REPLACE INTO folder_state (folder, state) VALUES (?, ?)'),
      dropState: sql('DELETE FROM folder_state WHERE folder = ?'),
      vocabulary: sql('SELECT term FROM docs_vocab WHERE term >= ? AND term < ? LIMIT 5000'),
    };
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)');
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as
      { value?: string } | undefined;
    if (row?.value === SCHEMA_VERSION) return;
    this.db.exec(`
      DROP TABLE IF EXISTS docs_vocab; DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS files;
      CREATE TABLE files (id TEXT PRIMARY KEY, folder TEXT NOT NULL, rel TEXT NOT NULL, title TEXT NOT NULL,
        type TEXT NOT NULL, size INTEGER NOT NULL, mtime REAL NOT NULL);
      CREATE INDEX files_folder ON files (folder);
      CREATE VIRTUAL TABLE docs USING fts5 (id UNINDEXED, folder UNINDEXED, title, body,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE VIRTUAL TABLE docs_vocab USING fts5vocab (docs, 'row');
      INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', '${SCHEMA_VERSION}');`);
  }

  /** Puts many changes in one transaction (an initial indexing writes thousands). */
  batch<T>(work: () => T): T {
    this.db.exec('BEGIN');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  put(file: IndexedFile, text: string): void {
    const s = this.statements;
    s['dropDoc']!.run(file.id);
    s['putFile']!.run(file.id, file.folder, file.rel, file.title, file.type, file.size, file.mtimeMs);
    s['putDoc']!.run(file.id, file.folder, file.title, text);
  }

  remove(id: string): void {
    this.statements['dropDoc']!.run(id);
    this.statements['dropFile']!.run(id);
  }

  dropFolder(folder: string): void {
    this.batch(() => {
      this.statements['dropFolderDocs']!.run(folder);
      this.statements['dropFolderFiles']!.run(folder);
      this.statements['dropState']!.run(folder);
    });
  }

  /** What the indexer last said of a folder (its state, progress, errors), for `folders list` to read. */
  saveState(folder: string, state: Record<string, unknown>): void {
    this.statements['putState']!.run(folder, JSON.stringify(state));
  }

  savedState(folder: string): Record<string, unknown> | undefined {
    const row = this.statements['getState']!.get(folder) as { state: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.state) as Record<string, unknown>);
  }

  file(id: string): IndexedFile | undefined {
    return this.statements['file']!.get(id) as IndexedFile | undefined;
  }

  /** What the index holds of a folder, by relative path (to tell what changed on disk meanwhile). */
  folderFiles(folder: string): Map<string, { size: number; mtimeMs: number }> {
    const rows = this.statements['folderFiles']!.all(folder) as {
      rel: string;
      size: number;
      mtimeMs: number;
    }[];
    return new Map(rows.map((row) => [row.rel, { size: row.size, mtimeMs: row.mtimeMs }]));
  }

  folderStats(folder: string): { files: number; bytes: number } {
    return this.statements['folderStats']!.get(folder) as { files: number; bytes: number };
  }

  /**
   * The best matches for `query` in `folders`, best first: every word (as a prefix) in the title or the text;
   * failing that, any of them; failing that, words one letter away from them.
   */
  search(query: string, folders: readonly string[], limit: number): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0 || folders.length === 0) return [];
    const all = terms.map((term) => `"${term}"*`);
    const attempts = [all.join(' AND '), all.join(' OR ')];
    for (const match of attempts) {
      const hits = this.run(match, folders, limit);
      if (hits.length > 0) return hits;
    }
    const near = fuzzyTerms(terms, (from, to) =>
      (this.statements['vocabulary']!.all(from, to) as { term: string }[]).map((row) => row.term),
    );
    return near.length === 0 ? [] : this.run(near.map((term) => `"${term}"`).join(' OR '), folders, limit);
  }

  private run(match: string, folders: readonly string[], limit: number): SearchHit[] {
    const marks = folders.map(() => '?').join(', ');
    const statement = this.db.prepare(
      `SELECT id, title, snippet(docs, 3, '', '', '…', 16) AS snippet FROM docs
       WHERE docs MATCH ? AND folder IN (${marks}) ORDER BY bm25(docs, 0, 0, 8.0, 1.0) LIMIT ?`,
    );
    return statement.all(match, ...folders, limit) as unknown as SearchHit[];
  }

  close(): void {
    this.db.close();
  }
}

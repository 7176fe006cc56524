import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { join } from 'node:path';
import type { DocumentType } from './document-text.ts';
import { fuzzyTerms, queryTerms } from './search-terms.ts';

export const INDEX_FILE = 'search-index.sqlite';
const SCHEMA_VERSION = '2';

/** The id of a file: its folder's name and its path in it (stable while the file stays where it is). */
export function fileId(folder: string, rel: string): string {
  return `${folder}/${rel}`;
}

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
      rowOf: sql('SELECT n FROM files WHERE id = ?'),
      putFile: sql(
        'INSERT INTO files (id, folder, rel, title, type, size, mtime) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING n',
      ),
      // A document's text is found by the row number its file has (FTS5's rowid): never by a scan.
      dropDoc: sql('DELETE FROM docs WHERE rowid = ?'),
      putDoc: sql('INSERT INTO docs (rowid, id, folder, title, body) VALUES (?, ?, ?, ?, ?)'),
      dropFile: sql('DELETE FROM files WHERE n = ?'),
      dropFolderDocs: sql('DELETE FROM docs WHERE rowid IN (SELECT n FROM files WHERE folder = ?)'),
      dropFolderFiles: sql('DELETE FROM files WHERE folder = ?'),
      getState: sql('SELECT state FROM folder_state WHERE folder = ?'),
      putState: sql('INSERT OR REPLACE INTO folder_state (folder, state) VALUES (?, ?)'),
      dropState: sql('DELETE FROM folder_state WHERE folder = ?'),
      count: sql('SELECT count(*) AS n FROM files'),
      documentsWith: sql('SELECT doc FROM docs_vocab WHERE term = ?'),
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
      CREATE TABLE files (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, folder TEXT NOT NULL, rel TEXT NOT NULL,
        title TEXT NOT NULL, type TEXT NOT NULL, size INTEGER NOT NULL, mtime REAL NOT NULL);
      CREATE INDEX files_folder ON files (folder);
      CREATE VIRTUAL TABLE docs USING fts5 (id UNINDEXED, folder UNINDEXED, title, body,
        tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO docs (docs, rank) VALUES ('rank', 'bm25(0.0, 0.0, 8.0, 1.0)');
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
    this.remove(file.id);
    const row = s['putFile']!.get(
      file.id,
      file.folder,
      file.rel,
      file.title,
      file.type,
      file.size,
      file.mtimeMs,
    ) as {
      n: number;
    };
    s['putDoc']!.run(row.n, file.id, file.folder, file.title, text);
  }

  remove(id: string): void {
    const row = this.statements['rowOf']!.get(id) as { n: number } | undefined;
    if (row === undefined) return;
    this.statements['dropDoc']!.run(row.n);
    this.statements['dropFile']!.run(row.n);
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
   * The best matches for `query` in `folders` (`everywhere`: they are all the folders there are), best first:
   * every word whole in the title or the text, then as prefixes, then any of them; failing all, words one
   * letter away from them.
   */
  search(query: string, folders: readonly string[], limit: number, everywhere = false): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0 || folders.length === 0) return [];
    const exact = terms.map((term) => `"${term}"`).join(' AND ');
    const prefix = terms.map((term) => `"${term}"*`);
    const scope = everywhere ? undefined : folders;
    // Whole words first (the quick query, and the better matches); prefixes fill up what they leave. Words
    // in more than half the documents weigh nothing in BM25 (FTS5 floors their IDF): a query of only such
    // words is answered without ranking thousands of equal scores, titles first.
    const attempts: [string, boolean][] = this.allCommon(terms)
      ? [
          [`title : (${exact})`, false],
          [exact, false],
        ]
      : [
          [exact, true],
          [prefix.join(' AND '), true],
          [prefix.join(' OR '), true],
        ];
    const hits: SearchHit[] = [];
    for (const [match, ranked] of attempts) {
      for (const hit of this.run(match, scope, limit, ranked))
        if (!hits.some((known) => known.id === hit.id)) hits.push(hit);
      if (hits.length >= limit) return hits.slice(0, limit);
    }
    if (hits.length > 0) return hits;
    const near = fuzzyTerms(terms, (from, to) =>
      (this.statements['vocabulary']!.all(from, to) as { term: string }[]).map((row) => row.term),
    );
    const nearby = near.map((term) => `"${term}"`).join(' OR ');
    return near.length === 0 ? [] : this.run(nearby, scope, limit, true);
  }

  /** Whether every term is in more than half of the documents. */
  private allCommon(terms: readonly string[]): boolean {
    const { n } = this.statements['count']!.get() as { n: number };
    if (n < 100) return false;
    return terms.every((term) => {
      const row = this.statements['documentsWith']!.get(term) as { doc: number } | undefined;
      return row !== undefined && row.doc * 2 > n;
    });
  }

  /** One query; `folders` undefined: every folder (no join to the files needed). */
  private run(
    match: string,
    folders: readonly string[] | undefined,
    limit: number,
    ranked: boolean,
  ): SearchHit[] {
    const everywhere = folders === undefined;
    const marks = (folders ?? []).map(() => '?').join(', ');
    // Ranked first, on the full-text index alone (joined to the files only to keep to some folders);
    // snippets only for the rows kept.
    const order = ranked ? 'rank' : 'docs.rowid';
    const best = everywhere
      ? `SELECT docs.rowid AS n, ${order} AS r FROM docs WHERE docs MATCH ? ORDER BY ${order} LIMIT ?`
      : `SELECT docs.rowid AS n, ${order} AS r FROM docs JOIN files ON files.n = docs.rowid
         WHERE docs MATCH ? AND files.folder IN (${marks}) ORDER BY ${order} LIMIT ?`;
    const statement = this.db.prepare(
      `SELECT docs.id AS id, docs.title AS title, snippet(docs, 3, '', '', '…', 16) AS snippet
       FROM docs JOIN (${best}) AS best ON best.n = docs.rowid WHERE docs MATCH ? ORDER BY best.r`,
    );
    const args = folders === undefined ? [match, limit, match] : [match, ...folders, limit, match];
    return statement.all(...args) as unknown as SearchHit[];
  }

  close(): void {
    this.db.close();
  }
}

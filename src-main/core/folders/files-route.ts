import type { RequestHandler } from 'express';
import { extname } from 'node:path';
import { reachableFolders } from '../../../src-shared/permissions.ts';
import { sendJsonError } from '../http/json-error.ts';
import { resolveFileId } from './file-ids.ts';
import type { FolderIndexer } from './folder-indexer.ts';
import type { SearchIndex } from './search-index.ts';

/** An id as a URL path: each part encoded, `/` kept between them. */
export function filePath(id: string): string {
  return `/files/${id.split('/').map(encodeURIComponent).join('/')}`;
}

/** Shown in the browser as what they are; anything else is shown as plain text or downloaded. */
const INLINE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};
const DOWNLOADED = new Set(['.docx']);

/**
 * `GET /files/<id>`: a search result's file, for the owner's signed-in browser or a key that may read its
 * folder (loopback only: the public host answers 404 for it). A folder's HTML, SVG or script never runs on
 * this origin (where the dashboard is): text is sent as plain text, in a sandbox with nothing allowed.
 */
export function filesRoute(deps: { indexer: FolderIndexer; index: SearchIndex }): RequestHandler {
  return async (req, res) => {
    const parts = req.params['rest'];
    const id = Array.isArray(parts) ? parts.join('/') : String(parts ?? '');
    const reach = reachableFolders(req.caller?.permissions ?? [], deps.indexer.names());
    const found = await resolveFileId(id, reach, deps);
    if ('problem' in found) return sendJsonError(res, 404, 'not_found', found.problem);
    const ext = extname(found.path).toLowerCase();
    const type =
      INLINE_TYPES[ext] ?? (DOWNLOADED.has(ext) ? 'application/octet-stream' : 'text/plain; charset=utf-8');
    res.setHeader('Content-Type', type);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    if (ext !== '.pdf')
      res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'");
    res.setHeader(
      'Content-Disposition',
      `${DOWNLOADED.has(ext) ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(found.file.rel.split('/').at(-1) ?? 'file')}`,
    );
    res.sendFile(found.path, { dotfiles: 'allow', headers: { 'Content-Type': type } });
  };
}

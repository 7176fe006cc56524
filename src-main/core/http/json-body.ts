import express, { type RequestHandler } from 'express';

/** body-parser's error shape, which the JSON error handler reads (its `type` and `status`). */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

/** A declared charset that is UTF-8, or none (JSON's default). */
function plainUtf8(contentType: string | undefined): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1];
  return charset === undefined || /^utf-?8$/i.test(charset);
}

/**
 * Reads a JSON body whatever content type was declared, up to `limit` bytes. The everyday body (a declared
 * length within the limit, no content encoding, UTF-8) is read and parsed here; anything else (gzip, another
 * charset, chunked or over the limit) goes to Express's own JSON parser, which knows those. Both give the
 * same results and the same errors (413 `entity.too.large`, 400 `entity.parse.failed`, an empty body as `{}`):
 * body-parser's stack (raw-body, content-type, iconv, on-finished) was a measurable part of every call.
 */
export function jsonBody(limit: number): RequestHandler {
  const general = express.json({ limit, type: () => true, strict: false });
  return (req, res, next) => {
    const length = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (length === undefined && !chunked) return next();
    const encoding = req.headers['content-encoding'];
    const declared = Number(length);
    if (
      chunked ||
      !Number.isSafeInteger(declared) ||
      declared > limit ||
      (encoding !== undefined && encoding.toLowerCase() !== 'identity') ||
      !plainUtf8(req.headers['content-type'])
    )
      return general(req, res, next);
    const chunks: Buffer[] = [];
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      next(bodyError(400, 'request.aborted', 'request aborted'));
    };
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', fail);
    req.on('aborted', fail);
    req.on('end', () => {
      if (failed) return;
      // As iconv does for body-parser: invalid bytes become U+FFFD, and a byte-order mark is dropped.
      let text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length === 0) {
        req.body = {};
        return next();
      }
      try {
        req.body = JSON.parse(text) as unknown;
      } catch (error) {
        return next(bodyError(400, 'entity.parse.failed', (error as Error).message));
      }
      next();
    });
  };
}

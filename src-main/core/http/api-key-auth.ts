import type { AuthInfo } from '@modelcontextprotocol/server';
import type { Request, RequestHandler, Response } from 'express';
import type { Caller } from '../../../src-shared/caller.ts';
import { hasPermission } from '../../../src-shared/permissions.ts';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import type { ApiKeyRegistry } from '../auth/api-key-registry.ts';
import { sendJsonError } from './json-error.ts';

export interface ApiKeyAuthOptions {
  registry: ApiKeyRegistry;
  /** Accept `?api_key=` (on by default; the query form lands in proxies' logs, so it can be turned off). */
  allowQueryKey: boolean;
}

/** The secret a request presents: `X-API-Key` first, then `Authorization: Bearer`, then `?api_key=`. */
export function presentedKey(req: Request, allowQueryKey: boolean): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  const authorization = req.headers.authorization;
  const bearer = authorization?.match(/^Bearer[ ]+(\S+)\s*$/i);
  if (bearer?.[1]) return bearer[1];
  if (allowQueryKey) {
    const query = req.query['api_key'];
    if (typeof query === 'string' && query !== '') return query;
  }
  return undefined;
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
    /** What the MCP SDK's Node adapter hands to tool handlers. */
    auth?: AuthInfo;
  }
}

/** Puts the caller on `req.caller`, or answers 401 with a challenge. */
export function apiKeyAuth(options: ApiKeyAuthOptions): RequestHandler {
  const forms = options.allowQueryKey
    ? 'an X-API-Key header, an Authorization: Bearer header, or ?api_key='
    : 'an X-API-Key header or an Authorization: Bearer header';
  return (req, res, next) => {
    const secret = presentedKey(req, options.allowQueryKey);
    const caller = secret === undefined ? undefined : options.registry.lookup(secret);
    if (caller !== undefined) {
      req.caller = caller;
      return next();
    }
    const challenge = `Bearer realm="${PRODUCT_NAME}"`;
    res.setHeader(
      'WWW-Authenticate',
      secret === undefined ? challenge : `${challenge}, error="invalid_token"`,
    );
    sendJsonError(
      res,
      401,
      'invalid_api_key',
      secret === undefined
        ? `No API key was sent. Send one in ${forms}.`
        : 'This API key is not known to this server. Copy the key again from MCP Tray, or check MCP_API_KEYS.',
    );
  };
}

/** The 403 a caller gets for lacking one permission. */
export function denyPermission(res: Response, caller: Caller | undefined, permission: string): void {
  sendJsonError(
    res,
    403,
    'insufficient_permissions',
    `The key "${caller?.keyName ?? ''}" lacks the "${permission}" permission; grant it to the key, or use a key that has it.`,
    { required: permission },
  );
}

/** Answers 403 unless the caller holds `permission`. */
export function requirePermission(permission: string): RequestHandler {
  return (req, res, next) => {
    if (req.caller !== undefined && hasPermission(req.caller.permissions, permission)) return next();
    denyPermission(res, req.caller, permission);
  };
}

import type { AuthInfo } from '@modelcontextprotocol/server';
import { isIP } from 'node:net';
import type { Request, RequestHandler, Response } from 'express';
import type { Caller } from '../../../src-shared/caller.ts';
import type { ErrorCode } from '../../../src-shared/error-codes.ts';
import { hasPermission } from '../../../src-shared/permissions.ts';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import type { FailedAuthLockout } from '../auth/failed-auth-lockout.ts';
import type { KeyMatch, KeyRegistry } from '../auth/key-registry.ts';
import { isLoopbackHost } from './host-allowlist.ts';
import { sendJsonError } from './json-error.ts';
import { requestHostName } from './request-parts.ts';
import type { BearerTokens } from './bearer-tokens.ts';

export interface ApiKeyAuthOptions {
  registry: KeyRegistry;
  /** Accept `?api_key=` (on by default; the query form lands in proxies' logs, so it can be turned off, live). */
  allowQueryKey: () => boolean;
  lockout: FailedAuthLockout;
  now: () => number;
  /** Where OAuth is on: the request's issuer, and how its access tokens are checked. */
  oauth?: BearerTokens;
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

/**
 * Whom the failed-auth lockout counts: the remote address, and whether the request came by a loopback name or
 * through a tunnel's (or LAN) host name. A tunnel's traffic arrives from 127.0.0.1 too; without the split,
 * someone guessing keys through the tunnel would lock this computer's own clients out as well.
 */
export function lockoutClient(req: Request): string {
  const host = requestHostName(req);
  if (isLoopbackHost(host)) return `${req.socket.remoteAddress ?? 'unknown'} local`;
  return `${tunnelClient(req) ?? req.socket.remoteAddress ?? 'unknown'} via ${host}`;
}

/**
 * Who is on the other side of the tunnel, for a request that came by the public URL: everything the tunnel
 * delivers comes from 127.0.0.1, so one guesser would lock every connector out. The address the tunnel's
 * edge saw is Cloudflare's Cf-Connecting-Ip, else the last X-Forwarded-For entry (the one the nearest proxy
 * added; those before it are the client's own words). Not used for LAN names, where the client sends it.
 */
function tunnelClient(req: Request): string | undefined {
  if (req.res?.locals['viaPublicUrl'] !== true) return undefined;
  const cloudflare = req.headers['cf-connecting-ip'];
  if (typeof cloudflare === 'string' && isIP(cloudflare.trim()) !== 0) return cloudflare.trim();
  const forwarded = req.headers['x-forwarded-for'];
  const last =
    (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim() ?? '';
  return isIP(last) !== 0 ? last : undefined;
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
    keyMatch?: KeyMatch;
    /** What the MCP SDK's Node adapter hands to tool handlers. */
    auth?: AuthInfo;
  }
}

/**
 * Puts the caller on `req.caller`, or answers 401 (no key, an unknown key: `invalid_api_key`; a key past
 * its expiry: `key_expired`) with a challenge. Bad keys count towards the failed-auth lockout.
 */
export function apiKeyAuth(options: ApiKeyAuthOptions): RequestHandler {
  const realm = `Bearer realm="${PRODUCT_NAME}"`;
  return (req, res, next) => {
    const address = lockoutClient(req);
    const wait = options.lockout.retryAfterSeconds(address);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      return sendJsonError(
        res,
        429,
        'too_many_failed_attempts',
        `Too many wrong API keys came from this address; try again in ${wait} seconds with a key copied from MCP Tray.`,
      );
    }
    const issuer = options.oauth?.issuerFor(req);
    // Where OAuth is on, the challenge says where to start it (ChatGPT starts OAuth only when told).
    const challenge = issuer === undefined ? realm : (options.oauth?.challenge(issuer) ?? realm);
    const allowQueryKey = options.allowQueryKey();
    const secret = presentedKey(req, allowQueryKey);
    const refuse = (code: ErrorCode, why: string, message: string) => {
      res.setHeader('WWW-Authenticate', `${challenge}, error="invalid_token", error_description="${why}"`);
      sendJsonError(res, 401, code, message);
    };
    const accept = (found: KeyMatch | undefined) => {
      const now = options.now();
      const match = found?.validUntil !== undefined && now >= found.validUntil ? undefined : found;
      if (match === undefined) {
        if (secret === undefined) {
          res.setHeader('WWW-Authenticate', challenge);
          return sendJsonError(
            res,
            401,
            'invalid_api_key',
            `No API key was sent. Send one in an X-API-Key header, an Authorization: Bearer header${allowQueryKey ? ', or ?api_key=' : ''}${issuer === undefined ? '' : ', or connect with OAuth'}.`,
          );
        }
        options.lockout.recordFailure(address);
        return refuse(
          'invalid_api_key',
          'unknown API key; copy it again from MCP Tray',
          'This API key is not known to this server (or was revoked or rotated). Copy the key again from MCP Tray, or check MCP_API_KEYS.',
        );
      }
      if (match.expiresAt !== undefined && now >= match.expiresAt) {
        return refuse(
          'key_expired',
          'key expired',
          `The key "${match.caller.keyName}" expired on ${new Date(match.expiresAt).toISOString()}. Extend it or create a new one in MCP Tray.`,
        );
      }
      req.caller = match.caller;
      req.keyMatch = match;
      next();
    };
    if (secret !== undefined && issuer !== undefined && options.oauth?.isToken(secret) === true) {
      void options.oauth.check(secret, issuer).then((result) => {
        if ('match' in result) return accept(result.match);
        options.lockout.recordFailure(address);
        refuse('invalid_token', result.problem, `The access token cannot be used: ${result.problem}.`);
      }, next);
      return;
    }
    accept(secret === undefined ? undefined : options.registry.lookup(secret));
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

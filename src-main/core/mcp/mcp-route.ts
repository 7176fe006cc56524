import type { RequestHandler } from 'express';
import { hasPermission } from '../../../src-shared/permissions.ts';
import { denyPermission } from '../http/api-key-auth.ts';
import { authInfoForCaller } from './caller-auth-info.ts';
import { requiredPermissions } from './required-permission.ts';
import type { ToolProvider } from '../tools/tool-provider.ts';
import { legacyServing } from './legacy-route.ts';
import { modernInput } from './client-input.ts';
import { modernServing } from './modern-route.ts';
import { parseMcpBody, refuseDeepJson } from './mcp-body.ts';
import { sdkServing } from './sdk-serving.ts';
import { OfferCache } from './offer-cache.ts';
import { classificationMemo } from './classification-memo.ts';

export interface McpRouteOptions {
  version: string;
  providers: readonly ToolProvider[];
  onError: (error: Error) => void;
}

/**
 * Clients that accept anything (`Accept: *` + `/*`, as ChatGPT's tool scanner sends, or no Accept at all) are
 * told what they will get instead of being refused with 406; a body we parsed as JSON is JSON whatever
 * content type was declared (the same scanner sometimes says octet-stream), so the SDK does not answer 415.
 */
const normalizeClientHeaders: RequestHandler = (req, _res, next) => {
  const accept = req.headers.accept;
  if (accept === undefined || /(^|,)\s*\*\/\*/.test(accept)) {
    req.headers.accept = 'application/json, text/event-stream';
  }
  if (req.method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    req.headers['content-type'] = 'application/json';
  }
  next();
};

/** Stops a message the caller's key does not permit, before any MCP server is built for it. */
const permissionGate: RequestHandler = (req, res, next) => {
  for (const permission of requiredPermissions(req.body)) {
    if (req.caller === undefined || !hasPermission(req.caller.permissions, permission)) {
      denyPermission(res, req.caller, permission);
      return;
    }
  }
  next();
};

/**
 * `/mcp`: Streamable HTTP for both protocol eras on one stateless endpoint. The SDK classifies each request
 * (what it said of a plain request is remembered, see classification-memo.ts);
 * 2025-era traffic goes to a shared server per offer (see ServerPool), which spares building a server for
 * every call; so do the everyday 2026-07-28 requests (see sharedModernRequest); the rest of that era
 * (`subscriptions/listen`, discovery, notifications, anything the SDK refuses) to its per-request handler
 * (see sdkServing).
 */
export function mcpRoute(options: McpRouteOptions): {
  /** Reads the body: goes after the key check and before the rate limit, so a 429 is logged with its method. */
  parseBody: RequestHandler;
  handlers: RequestHandler[];
  /** Ends the open `subscriptions/listen` streams (at shutdown: they would hold the server open). */
  endStreams: () => Promise<void>;
  close: () => Promise<void>;
} {
  const input = modernInput();
  const classify = classificationMemo();
  // Made before the SDK's handler hears of a change, so a client told of one lists the new offer.
  const offers = new OfferCache(options.providers);
  const sdk = sdkServing(options.version, offers, input, options.providers, options.onError);
  const legacy = legacyServing(options.version, offers);
  const shared = modernServing(options.version, offers, input);

  const serve: RequestHandler = (req, res, next) => {
    const caller = req.caller;
    if (caller === undefined) return next(new Error('mcpRoute reached without an authenticated caller'));
    req.auth = authInfoForCaller(caller);
    // A client is here: what was left until needed starts (the user's servers).
    for (const provider of options.providers) provider.wake?.();
    const body: unknown = req.method === 'POST' ? req.body : undefined;
    const route = classify({
      httpMethod: req.method,
      protocolVersionHeader: req.headers['mcp-protocol-version'] as string | undefined,
      mcpMethodHeader: req.headers['mcp-method'] as string | undefined,
      mcpNameHeader: req.headers['mcp-name'] as string | undefined,
      body,
    });
    const everyday = shared.takes(route, req.headers);
    const serving =
      route.kind === 'legacy'
        ? legacy.serve(req, res, caller)
        : everyday !== undefined
          ? shared.serve(req, res, caller, everyday)
          : sdk.serve(req, res, body);
    serving.catch(next);
  };
  return {
    parseBody: parseMcpBody,
    handlers: [refuseDeepJson, normalizeClientHeaders, permissionGate, serve],
    endStreams: sdk.endStreams,
    close: async () => {
      input.flows.close();
      offers.close();
      await sdk.close();
      await Promise.all([legacy.close(), shared.close()]);
    },
  };
}

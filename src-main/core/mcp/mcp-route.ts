import { createMcpHandler, type McpServerFactory } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import express, { type RequestHandler } from 'express';
import { hasPermission } from '../../../src-shared/permissions.ts';
import { denyPermission } from '../http/api-key-auth.ts';
import { authInfoForCaller } from './caller-auth-info.ts';
import { requiredPermissions } from './required-permission.ts';

/** The largest request body served; a bigger one gets 413. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface McpRouteOptions {
  factory: McpServerFactory;
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

/** Parses the JSON body whatever content type the client declared (some send octet-stream). */
const parseJsonBody = express.json({ limit: MAX_BODY_BYTES, type: () => true, strict: false });

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

/** `/mcp`: Streamable HTTP for both protocol eras, one stateless endpoint (the SDK's `createMcpHandler`). */
export function mcpRoute(options: McpRouteOptions): RequestHandler[] {
  const handler = toNodeHandler(
    createMcpHandler(options.factory, { onerror: options.onError, maxRequestBodySize: MAX_BODY_BYTES }),
    { onerror: options.onError, maxRequestBodySize: MAX_BODY_BYTES },
  );
  const serve: RequestHandler = (req, res, next) => {
    if (req.caller !== undefined) req.auth = authInfoForCaller(req.caller);
    handler(req, res, req.method === 'POST' ? req.body : undefined).catch(next);
  };
  return [parseJsonBody, normalizeClientHeaders, permissionGate, serve];
}

import type { CallToolResult, JSONRPCResultResponse, Server } from '@modelcontextprotocol/server';
import type { Response } from 'express';
import type { Caller } from '../../../src-shared/caller.ts';
import { isPlainObject } from '../../../src-shared/plain-object.ts';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import { toolFailure, type CallContext, type ToolDefinition } from '../tools/tool-provider.ts';
import type { Offer } from './caller-offer.ts';
import { listed } from './listed-definition.ts';
import { plainRequest } from './plain-request.ts';

/*
 * The lean path of the two hot methods. A `tools/call` of a direct tool (see ToolDefinition.direct) and a
 * `tools/list` of an offer made only of them are answered here, without the SDK's dispatch (its schema
 * checks of a request and of our own tools' results, the era's envelope and result encoding through
 * several copies, an exchange through a transport): those were most of the time a call took. Only a
 * request with nothing else in it comes here; anything more (progress, request state, input responses,
 * a cursor, a batch, a tool that is not found or not direct) goes to the SDK, which answers as before.
 * The answers are the SDK's own, to the byte (tests/integration/direct-tools.test.ts checks both paths).
 */

/** Which protocol era a request is of. */
export type Era = 'legacy' | 'modern';

/** A request this path answers: its id and what it asks for. */
export type DirectRequest =
  | { id: string | number; method: 'tools/list' }
  | { id: string | number; method: 'tools/call'; tool: ToolDefinition; args: Record<string, unknown> };

const ENVELOPE_KEYS = new Set([
  'io.modelcontextprotocol/protocolVersion',
  'io.modelcontextprotocol/clientInfo',
  'io.modelcontextprotocol/clientCapabilities',
]);
const SERVER_INFO_KEY = 'io.modelcontextprotocol/serverInfo';

const onlyKeys = (value: Record<string, unknown>, allowed: ReadonlySet<string>) => {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
};

const CALL_KEYS = new Set(['name', 'arguments', '_meta']);
const LIST_KEYS = new Set(['_meta']);

/**
 * `_meta` that asks nothing of the server: on the 2025 era none of MCP's own keys (progressToken, a
 * task's, an envelope's); on 2026-07-28 the envelope alone (its shape was checked by the SDK's classifier).
 */
function plainMeta(meta: unknown, era: Era): boolean {
  if (meta === undefined) return era === 'legacy';
  if (!isPlainObject(meta)) return false;
  if (era === 'modern') return onlyKeys(meta, ENVELOPE_KEYS);
  for (const key in meta)
    if (key === 'progressToken' || key.startsWith('io.modelcontextprotocol/')) return false;
  return true;
}

/** The request as this path answers it, or undefined for the SDK to answer. */
export function directRequest(body: unknown, offer: Offer, era: Era): DirectRequest | undefined {
  const plain = plainRequest(body);
  if (plain === undefined) return undefined;
  const { id, method } = plain;
  const params = plain.params ?? {};
  if (!plainMeta(params['_meta'], era)) return undefined;
  if (method === 'tools/list') {
    if (!onlyKeys(params, LIST_KEYS) || !offer.tools.every((tool) => tool.direct === true)) return undefined;
    return { id, method };
  }
  if (method !== 'tools/call' || !onlyKeys(params, CALL_KEYS)) return undefined;
  const { name } = params;
  const args = params['arguments'] ?? {};
  if (typeof name !== 'string' || !isPlainObject(args)) return undefined;
  const tool = offer.tools.find((t) => t.name === name);
  if (tool?.direct !== true) return undefined;
  return { id, method, tool, args };
}

/** A call's context on this path: the client's cancellation; no progress or requests (no direct tool uses them). */
function directContext(signal: AbortSignal): CallContext {
  return {
    signal,
    progress: () => {},
    ask: () => Promise.reject(new Error('This tool call cannot put requests to the client.')),
  };
}

/** As the 2026-07-28 codec encodes a complete result: its type, the lists' cache fields, who answered. */
function modernResult(method: DirectRequest['method'], result: object, version: string): object {
  const meta = (result as { _meta?: unknown })._meta;
  const serverInfo = { name: PRODUCT_NAME, version };
  return {
    ...result,
    resultType: 'complete',
    ...(method === 'tools/list' && { ttlMs: 0, cacheScope: 'private' }),
    ...(meta === undefined
      ? { _meta: { [SERVER_INFO_KEY]: serverInfo } }
      : isPlainObject(meta) &&
        meta[SERVER_INFO_KEY] === undefined && { _meta: { ...meta, [SERVER_INFO_KEY]: serverInfo } }),
  };
}

/**
 * Answers a direct request for `caller`. `server` is the shared server of the caller's offer and era, for
 * the one thing of the SDK kept here: how a tool's result is projected onto the era's wire.
 */
async function answerDirect(
  request: DirectRequest,
  offer: Offer,
  caller: Caller,
  { era, server, version, signal }: { era: Era; server: Server; version: string; signal: AbortSignal },
): Promise<JSONRPCResultResponse> {
  let result: object;
  if (request.method === 'tools/list') {
    result = { tools: offer.tools.map(listed) };
  } else {
    let called: CallToolResult;
    try {
      called = await request.tool.call(request.args, caller, directContext(signal));
    } catch (error) {
      called = toolFailure(error);
    }
    result = server.projectCallToolResult(called, request.tool.outputSchema);
  }
  if (era === 'modern') result = modernResult(request.method, result, version);
  return { result: result as JSONRPCResultResponse['result'], jsonrpc: '2.0', id: request.id };
}

/** Sends the answer as a plain JSON 200; a client that goes away first cancels the call and gets nothing. */
async function sendDirect(
  res: Response,
  answer: (signal: AbortSignal) => Promise<JSONRPCResultResponse>,
): Promise<void> {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const response = await answer(abort.signal);
  if (!res.destroyed) res.status(200).json(response);
}

/**
 * Answers `body` on this path when it is a direct request of `offer`, and says so; false leaves it to the
 * SDK. `server` gives the shared server of the offer in the request's era (see answerDirect).
 */
export async function servedDirect(
  res: Response,
  body: unknown,
  offer: Offer,
  caller: Caller,
  { era, version, server }: { era: Era; version: string; server: () => Promise<Server> },
): Promise<boolean> {
  const direct = directRequest(body, offer, era);
  if (direct === undefined) return false;
  const shared = await server();
  await sendDirect(res, (signal) =>
    answerDirect(direct, offer, caller, { era, server: shared, version, signal }),
  );
  return true;
}

import type { IncomingHttpHeaders } from 'node:http';
import {
  ProtocolErrorCode,
  type InboundClassificationOutcome,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type MessageClassification,
} from '@modelcontextprotocol/server';
import type { Request, Response } from 'express';
import type { ExchangeTransport } from './exchange-transport.ts';

/** The 2026-07-28 revision, the one modern revision the SDK serves. */
export const MODERN_REVISION = '2026-07-28';

/** Methods served on the shared servers, with the body field their `Mcp-Name` header must repeat. */
const SHARED_METHODS: Readonly<Record<string, 'name' | 'uri' | null>> = {
  'tools/list': null,
  'tools/call': 'name',
  'resources/list': null,
  'resources/templates/list': null,
  'resources/read': 'uri',
  'prompts/list': null,
  'prompts/get': 'name',
  'completion/complete': null,
};

/** How often an event stream that is waiting for its answer says it is alive (as the SDK's streams do). */
const KEEP_ALIVE_MS = 15_000;

/** A 2026-07-28 request that a shared server may answer: what it says and how it was classified. */
export interface SharedModernRequest {
  request: JSONRPCRequest;
  classification: MessageClassification;
}

/**
 * The 2026-07-28 requests served on a shared server (see ServerPool) rather than by the SDK's per-request
 * handler: requests of the methods above whose standard headers are all there and repeat their body as it
 * is (no encoded `Mcp-Name`). Anything else (notifications, `subscriptions/listen`, `server/discover`, a
 * missing or mismatched header) is left to the SDK's handler, which answers it as the SDK does.
 */
export function sharedModernRequest(
  route: InboundClassificationOutcome,
  headers: IncomingHttpHeaders,
): SharedModernRequest | undefined {
  if (route.kind !== 'modern' || route.messageKind !== 'request') return undefined;
  const { message, classification } = route;
  if (classification.revision !== MODERN_REVISION) return undefined;
  if (headers['mcp-protocol-version'] !== MODERN_REVISION || headers['mcp-method'] !== message.method)
    return undefined;
  if (!Object.hasOwn(SHARED_METHODS, message.method)) return undefined;
  const field = SHARED_METHODS[message.method];
  if (field !== null && field !== undefined) {
    const value = (message.params as Record<string, unknown> | undefined)?.[field];
    if (typeof value !== 'string' || headers['mcp-name'] !== value) return undefined;
  }
  return { request: message, classification };
}

/** The HTTP status the SDK gives a JSON-RPC error it raised itself, before any handler ran. */
const DISPATCH_ERROR_STATUS: Readonly<Record<number, number>> = {
  [ProtocolErrorCode.ParseError]: 400,
  [ProtocolErrorCode.InvalidRequest]: 400,
  [ProtocolErrorCode.MethodNotFound]: 404,
  [ProtocolErrorCode.UnsupportedProtocolVersion]: 400,
  [ProtocolErrorCode.MissingRequiredClientCapability]: 400,
};

/**
 * As the SDK answers: a handler's result or error is a 200; an error the SDK raised while taking the
 * request in gets its own status, and a missing client capability is a 400 wherever it was found.
 */
function statusOf(response: JSONRPCResponse, transport: ExchangeTransport): number {
  if (!('error' in response)) return 200;
  const code = response.error.code;
  if (code === ProtocolErrorCode.MissingRequiredClientCapability) return 400;
  return transport.answeredAtDispatch(response) ? (DISPATCH_ERROR_STATUS[code] ?? 200) : 200;
}

/**
 * Serves one 2026-07-28 request on a shared server: a plain JSON answer, or an event stream once the
 * server has something to send before it (progress). A client that goes away cancels the call.
 */
export async function serveModernExchange(
  req: Request,
  res: Response,
  transport: ExchangeTransport,
  { request, classification }: SharedModernRequest,
): Promise<void> {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  let keepAlive: NodeJS.Timeout | undefined;
  const event = (message: JSONRPCMessage) => {
    if (res.destroyed) return;
    if (!res.headersSent) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      });
      keepAlive = setInterval(() => res.write(': keepalive\n\n'), KEEP_ALIVE_MS);
    }
    res.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  };
  const extra = { classification, ...(req.auth !== undefined && { authInfo: req.auth }) };
  let response: JSONRPCResponse;
  try {
    response = await transport.exchange(request, extra, req.caller?.keyId ?? '', abort.signal, event);
  } finally {
    clearInterval(keepAlive);
  }
  if (res.destroyed) return;
  if (!res.headersSent) return void res.status(statusOf(response, transport)).json(response);
  event(response);
  res.end();
}

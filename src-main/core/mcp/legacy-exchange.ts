import {
  parseJSONRPCMessage,
  SUPPORTED_PROTOCOL_VERSIONS,
  type JSONRPCMessage,
  type JSONRPCResponse,
} from '@modelcontextprotocol/server';
import type { Request, Response } from 'express';
import { sendJsonRpcError } from '../http/json-error.ts';
import type { ExchangeTransport } from './exchange-transport.ts';
import type { LegacyCancellations } from './legacy-cancellations.ts';
import { isRequest, isResponse } from './message-kind.ts';

const MAX_BATCH = 100;

function parseMessages(body: unknown): JSONRPCMessage[] | undefined {
  try {
    return (Array.isArray(body) ? body : [body]).map((message) => parseJSONRPCMessage(message));
  } catch {
    return undefined;
  }
}

/**
 * The checks the SDK's stateless transport makes of a 2025-era request's HTTP side: POST only, Accept,
 * MCP-Protocol-Version. Answers the refusal and returns true when one fails.
 */
export function refusedLegacyHeaders(req: Request, res: Response): boolean {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJsonRpcError(res, 405, -32000, 'Method not allowed.');
    return true;
  }
  const accept = req.headers.accept ?? '';
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
    sendJsonRpcError(
      res,
      406,
      -32000,
      'Not Acceptable: Client must accept both application/json and text/event-stream',
    );
    return true;
  }
  const version = req.headers['mcp-protocol-version'];
  if (typeof version === 'string' && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    sendJsonRpcError(
      res,
      400,
      -32000,
      `Bad Request: Unsupported protocol version: ${version} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`,
    );
    return true;
  }
  return false;
}

/**
 * Serves one 2025-era (stateless Streamable HTTP) exchange on a shared server, once its headers passed
 * refusedLegacyHeaders, with the rest of the checks the SDK's stateless transport makes: well-formed
 * JSON-RPC, one initialize per request. Answers are plain JSON, or an event stream once the server has
 * something to send first (progress, or a request to the client, which the client answers in a POST of its
 * own: notifications and answers get 202).
 */
export async function serveLegacyExchange(
  req: Request,
  res: Response,
  transport: ExchangeTransport,
  cancellations: LegacyCancellations,
  /** Hands a client's answer to the server that asked, which may be a retiring one (see ServerPool.answer). */
  answer: (owner: string, response: JSONRPCResponse) => boolean,
): Promise<void> {
  const messages = parseMessages(req.body);
  if (messages === undefined)
    return sendJsonRpcError(res, 400, -32700, 'Parse error: Invalid JSON-RPC message');
  if (messages.length > MAX_BATCH) {
    return sendJsonRpcError(res, 400, -32600, `Invalid Request: Batch must not exceed ${MAX_BATCH} messages`);
  }
  // Each message was validated by parseJSONRPCMessage, so its shape is enough to tell what it is.
  const requests = messages.filter(isRequest);
  if (messages.length > 1 && requests.some((request) => request.method === 'initialize')) {
    return sendJsonRpcError(res, 400, -32600, 'Invalid Request: Only one initialization request is allowed');
  }
  const keyId = req.caller?.keyId ?? '';
  cancellations.cancel(keyId, messages);
  for (const message of messages) {
    if (isResponse(message)) answer(keyId, message);
  }
  if (requests.length === 0) return void res.status(202).end();

  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const extra = req.auth === undefined ? {} : { authInfo: req.auth };
  // The answer becomes an event stream when the server first has something to send before it.
  const event = (message: JSONRPCMessage) => {
    if (res.destroyed) return;
    if (!res.headersSent)
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  };
  const responses: JSONRPCResponse[] = await Promise.all(
    requests.map(async (request) => {
      // Cancelling one request of a batch ends the exchange: it is answered with what it has.
      const done = cancellations.track(keyId, request.id, abort);
      try {
        return await transport.exchange(request, extra, keyId, abort.signal, event);
      } finally {
        done();
      }
    }),
  );
  // A client that went away gets nothing; one that cancelled by notification gets the cancellation answer.
  if (res.destroyed) return;
  if (!res.headersSent) return void res.status(200).json(Array.isArray(req.body) ? responses : responses[0]);
  for (const response of responses) event(response);
  res.end();
}

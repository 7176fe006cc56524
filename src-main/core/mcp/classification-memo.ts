import {
  classifyInboundRequest,
  type InboundClassificationOutcome,
  type InboundHttpRequest,
  type InboundLegacyRoute,
  type InboundModernRoute,
  type JSONRPCRequest,
} from '@modelcontextprotocol/server';
import { plainRequest } from './plain-request.ts';

/*
 * The SDK's classification of a request (which era, or which rejection) runs up to five zod schemas over
 * the whole body, on every request. For a single request of the plain shape (`jsonrpc` "2.0", a string or
 * integer id, a method other than `initialize`, params an object or none) the SDK's rules read nothing but
 * the method, `params._meta`, the MCP-Protocol-Version and the Mcp-Method header (Mcp-Name is checked
 * later, by whoever serves the request): the id, the arguments and the other params never change the outcome. So the outcome is remembered under those, and a request seen before in every part that
 * matters is classified by a lookup. The SDK still classifies every new combination, and everything else.
 */

/** Combinations remembered; a client sends a handful (its envelope, our methods), so this is never reached in use. */
const CAPACITY = 256;
/** Longer signatures (a huge `_meta`) are classified afresh, not kept. */
const LONGEST_SIGNATURE = 2048;

type Classify = (request: InboundHttpRequest) => InboundClassificationOutcome;
/** A routed outcome without the message it routed (a plain request has an id: a modern route is a request's). */
type Remembered =
  InboundLegacyRoute | Omit<Extract<InboundModernRoute, { messageKind: 'request' }>, 'message'>;

/** What decides the outcome of a plain request, or undefined when the request is not of that shape. */
export function classificationSignature(request: InboundHttpRequest): string | undefined {
  const plain = request.httpMethod === 'POST' ? plainRequest(request.body) : undefined;
  if (plain === undefined || plain.method === 'initialize') return undefined;
  const { method, params } = plain;
  const signature = JSON.stringify([
    method,
    request.protocolVersionHeader,
    request.mcpMethodHeader,
    params === undefined ? 0 : params['_meta'] === undefined ? 1 : params['_meta'],
  ]);
  return signature.length <= LONGEST_SIGNATURE ? signature : undefined;
}

const remembered = (outcome: InboundLegacyRoute | InboundModernRoute): Remembered => {
  if (outcome.kind === 'legacy') return outcome;
  const { kind, classification } = outcome;
  return { kind, messageKind: 'request', classification };
};

/** The remembered outcome for this request's body (a modern route carries the message it routes). */
const outcomeFor = (kept: Remembered, body: unknown): InboundClassificationOutcome =>
  kept.kind === 'legacy' ? kept : { ...kept, message: body as JSONRPCRequest };

/** Classifies as the SDK does, remembering the outcomes of plain requests that were routed (not refused). */
export function classificationMemo(classify: Classify = classifyInboundRequest): Classify {
  const seen = new Map<string, Remembered>();
  return (request) => {
    const signature = classificationSignature(request);
    if (signature === undefined) return classify(request);
    const kept = seen.get(signature);
    if (kept !== undefined) return outcomeFor(kept, request.body);
    const outcome = classify(request);
    if (outcome.kind === 'reject' || (outcome.kind === 'modern' && outcome.messageKind !== 'request'))
      return outcome;
    if (seen.size >= CAPACITY) seen.clear();
    seen.set(signature, remembered(outcome));
    return outcome;
  };
}

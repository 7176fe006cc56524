import { isPlainObject } from '../../../src-shared/plain-object.ts';

/** A single JSON-RPC request with nothing beside its four members: the shape the hot paths take. */
export interface PlainRequest {
  id: string | number;
  method: string;
  params: Record<string, unknown> | undefined;
}

const REQUEST_KEYS = new Set(['jsonrpc', 'id', 'method', 'params']);

/**
 * `body` as a plain request (`jsonrpc` "2.0", a string or safe-integer id, a string method, params an object
 * or none, no other member), or undefined for anything else (a batch, a response, a notification, more).
 */
export function plainRequest(body: unknown): PlainRequest | undefined {
  if (!isPlainObject(body) || body['jsonrpc'] !== '2.0') return undefined;
  for (const key in body) if (!REQUEST_KEYS.has(key)) return undefined;
  const { id, method, params } = body;
  if (typeof id !== 'string' && !Number.isSafeInteger(id)) return undefined;
  if (typeof method !== 'string' || (params !== undefined && !isPlainObject(params))) return undefined;
  return { id: id as string | number, method, params };
}

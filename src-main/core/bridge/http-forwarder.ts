import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';
import { sseMessages } from './sse-messages.ts';

/** Where the bridge forwards to, and with which key. */
export interface ForwardTarget {
  /** The local MCP endpoint, e.g. http://127.0.0.1:3210/mcp. */
  url: string;
  key: string;
  /** The key's name, for messages (never the key itself). */
  keyName: string;
}

const PROTOCOL_VERSION_META = 'io.modelcontextprotocol/protocolVersion';
/** The body field a 2026-07-28 request's `Mcp-Name` header repeats, by method. */
const NAME_FIELD: Readonly<Record<string, string>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};

/** The headers a message goes with: the key, and the routing headers of its protocol era. */
function headersFor(message: JSONRPCMessage, target: ForwardTarget, legacyVersion: string | undefined) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'x-api-key': target.key,
  };
  const method = 'method' in message ? message.method : undefined;
  const params = 'params' in message ? (message.params as Record<string, unknown> | undefined) : undefined;
  const meta = params?.['_meta'] as Record<string, unknown> | undefined;
  const modern = meta?.[PROTOCOL_VERSION_META];
  if (typeof modern === 'string') {
    headers['mcp-protocol-version'] = modern;
    if (method !== undefined) headers['mcp-method'] = method;
    const field = method === undefined ? undefined : NAME_FIELD[method];
    const name = field === undefined ? undefined : params?.[field];
    if (typeof name === 'string') headers['mcp-name'] = name;
  } else if (legacyVersion !== undefined) headers['mcp-protocol-version'] = legacyVersion;
  return headers;
}

const idOf = (message: JSONRPCMessage) =>
  'id' in message && 'method' in message ? (message.id as string | number) : undefined;

/** A JSON-RPC error answering `message`, or nothing for what needs no answer. */
function failure(message: JSONRPCMessage, text: string): JSONRPCMessage[] {
  const id = idOf(message);
  return id === undefined ? [] : [{ jsonrpc: '2.0', id, error: { code: -32000, message: text } }];
}

/**
 * Sends one message a stdio client wrote to MCP Tray's HTTP endpoint and returns, as they come, the
 * messages of the answer (a JSON body or an event stream: progress, requests to the client, the result).
 * MCP Tray's endpoint keeps no sessions, so each message is an exchange of its own and a restarted MCP Tray
 * is simply reached again by the next one. When it cannot be reached, or refuses the key, the answer is an
 * error saying what to do, and `report` hears it too (for stderr).
 */
const stoppedWhileAnswering = (error: unknown) => {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  return `${PRODUCT_NAME} stopped while answering (${cause ?? (error as Error).message}); the request may not have finished. Start ${PRODUCT_NAME} again if it is not running, then try again.`;
};

export class HttpForwarder {
  private readonly target: ForwardTarget;
  private readonly report: (problem: string) => void;
  /** The 2025-era version agreed at initialize, sent on each later request as that era asks. */
  private legacyVersion: string | undefined;

  constructor(target: ForwardTarget, report: (problem: string) => void) {
    this.target = target;
    this.report = report;
  }

  async *forward(message: JSONRPCMessage, signal?: AbortSignal): AsyncGenerator<JSONRPCMessage> {
    let res: Response;
    try {
      res = await fetch(this.target.url, {
        method: 'POST',
        headers: headersFor(message, this.target, this.legacyVersion),
        body: JSON.stringify(message),
        ...(signal !== undefined && { signal }),
      });
    } catch (error) {
      if (signal?.aborted) return;
      // Refused: nothing listens. Anything else (the socket closed before an answer came) means MCP Tray had
      // the request and stopped, or was killed, before answering it.
      const refused = (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
      const text = refused
        ? `${PRODUCT_NAME} is not running at ${this.target.url} (${(error as Error).message}); start ${PRODUCT_NAME}, then try again.`
        : stoppedWhileAnswering(error);
      this.report(text);
      yield* failure(message, text);
      return;
    }
    if (res.status === 401 || res.status === 403) {
      const body = (await res.json().catch(() => ({}))) as { message?: string; error?: { message?: string } };
      const why = body.message ?? body.error?.message ?? `HTTP ${res.status}`;
      const text = `${PRODUCT_NAME} refused the key "${this.target.keyName}": ${why}`;
      this.report(text);
      yield* failure(message, text);
      return;
    }
    try {
      yield* this.answerOf(message, res);
    } catch (error) {
      if (signal?.aborted) return;
      // The connection broke mid-answer: MCP Tray stopped (or was killed) while it served this request.
      const text = stoppedWhileAnswering(error);
      this.report(text);
      yield* failure(message, text);
    }
  }

  /** The messages of an answer MCP Tray accepted: an event stream, or a JSON body. */
  private async *answerOf(message: JSONRPCMessage, res: Response): AsyncGenerator<JSONRPCMessage> {
    const type = res.headers.get('content-type') ?? '';
    if (res.status === 202 || res.body === null) return;
    if (type.startsWith('text/event-stream')) {
      for await (const event of sseMessages(res.body)) yield this.seen(event);
      return;
    }
    const text = await res.text();
    if (text === '') return;
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      yield* failure(message, `${PRODUCT_NAME} answered HTTP ${res.status} with something that is not JSON.`);
      return;
    }
    for (const item of Array.isArray(answer) ? answer : [answer]) yield this.seen(item as JSONRPCMessage);
  }

  /** Notes the version an initialize agreed on, then passes the message on. */
  private seen(message: JSONRPCMessage): JSONRPCMessage {
    const result = 'result' in message ? (message.result as Record<string, unknown>) : undefined;
    if (typeof result?.['protocolVersion'] === 'string' && 'serverInfo' in result)
      this.legacyVersion = result['protocolVersion'];
    return message;
  }
}

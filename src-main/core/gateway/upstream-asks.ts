import type { Client } from '@modelcontextprotocol/client';
import type { CallContext, ClientInputRequest } from '../tools/tool-provider.ts';

/** What MCP Tray tells an upstream it can pass on: its calling clients' sampling, elicitation and roots. */
export const FORWARDED_CAPABILITIES = {
  sampling: {},
  elicitation: { form: {}, url: {} },
  roots: {},
};

interface InFlight {
  owner: string;
  ask: CallContext['ask'];
}

/**
 * The calls in flight on one upstream, so that a request the upstream puts to "its client" (sampling,
 * elicitation, roots) reaches the client whose call it is serving. MCP does not say which call such a
 * request belongs to, and one upstream serves every key: with calls of a single key in flight, the latest
 * is asked; with calls of several keys, none is (answering for the wrong one would hand one client's
 * input to another), and the upstream is told why.
 */
export class UpstreamAsks {
  private readonly calls = new Map<number, InFlight>();
  private next = 0;

  private readonly server: string;

  constructor(server: string) {
    this.server = server;
  }

  /** Runs `call` as one of the calls in flight. */
  async during<R>(owner: string, context: CallContext, call: () => Promise<R>): Promise<R> {
    const id = ++this.next;
    this.calls.set(id, { owner, ask: context.ask });
    try {
      return await call();
    } finally {
      this.calls.delete(id);
    }
  }

  /** Passes one of the upstream's requests on to the client of the call it belongs to (see CallContext.ask). */
  async route(request: ClientInputRequest, name?: string): Promise<Record<string, unknown>> {
    const calls = [...this.calls.values()];
    if (calls.length === 0) {
      // Outside any call there is no client to ask; MCP Tray itself has no roots to offer.
      if (request.method === 'roots/list') return { roots: [] };
      throw new Error(
        `MCP Tray passes ${request.method} on to a client only while one of its calls to "${this.server}" is under way.`,
      );
    }
    if (calls.some((call) => call.owner !== calls[0]!.owner))
      throw new Error(
        `Calls from several clients are under way on "${this.server}", so MCP Tray cannot tell which of them ${request.method} is for; try again when one call is running.`,
      );
    return calls[calls.length - 1]!.ask(request, name);
  }

  /** Answers the upstream's requests to its client through `route`. */
  answerOn(client: Client): void {
    const methods = ['sampling/createMessage', 'elicitation/create', 'roots/list'] as const;
    for (const method of methods) {
      client.setRequestHandler(method, (request, ctx) => {
        // The upstream's own `_meta` (its progress token, say) means nothing to the client asked.
        const { _meta: _own, ...params } = (request.params ?? {}) as Record<string, unknown>;
        // A 2026-07-28 upstream's input requests come with its own key as their id: kept for the client.
        const name = typeof ctx.mcpReq.id === 'string' ? ctx.mcpReq.id : undefined;
        return this.route({ method, params }, name) as never;
      });
    }
  }
}

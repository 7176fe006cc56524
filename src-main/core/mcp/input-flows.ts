import { randomUUID } from 'node:crypto';
import type { CallContext, ClientInputRequest } from '../tools/tool-provider.ts';

/** How long a call waits for its client to come back with the input it asked for. */
const ANSWER_WITHIN_MS = 10 * 60_000;
/** Calls waiting for input at once, over every client: beyond this, a new question is refused. */
const MAX_FLOWS = 256;
/**
 * Questions asked together (an upstream's Promise.all) arrive one by one: a round goes out once none
 * came for this long, so they reach the client in one round.
 */
const GATHER_MS = 10;

/** What the client of one round can answer, and where that round's progress goes. */
export interface Round {
  signal: AbortSignal;
  /** Why this client cannot answer `request` (undefined when it can). */
  refuses(request: ClientInputRequest): string | undefined;
  progress(progress: number, total?: number, message?: string): void;
}

/** Where a call stands after a round: finished, or waiting for the client to answer these requests. */
export type Step<R> = { done: R } | { flow: string; input: Record<string, ClientInputRequest> };

interface Ask {
  request: ClientInputRequest;
  resolve(answer: Record<string, unknown>): void;
  reject(error: Error): void;
}

type Outcome<R> = { done: R } | { error: unknown };

interface Flow<R> {
  owner: string;
  asks: Map<string, Ask>;
  outcome?: Promise<Outcome<R>>;
  /** Wakes the round waiting for the next question or the outcome. */
  wake: () => void;
  round: Round;
  abort: AbortController;
  expiry?: NodeJS.Timeout;
  nextKey: number;
}

/**
 * Carries requests a call puts to its client (push style, as 2025-era upstreams make them) over the
 * 2026-07-28 era, where a server may only answer `input_required` and be called again with the answers:
 * the call keeps running between rounds, its questions are handed out as `inputRequests`, and the retried
 * request (found by the flow id in its integrity-checked `requestState`) brings the answers to it. A flow
 * belongs to the key that started it; one whose client does not come back within 10 minutes is ended.
 */
export class InputFlows {
  private readonly flows = new Map<string, Flow<unknown>>();

  /**
   * Starts `run`, answering when it finishes or first asks the client something. Its context's progress
   * goes to the client of the round under way.
   */
  start<R>(owner: string, round: Round, run: (context: CallContext) => Promise<R>): Promise<Step<R>> {
    const id = randomUUID();
    const abort = new AbortController();
    const flow: Flow<R> = { owner, asks: new Map(), round, abort, wake: () => {}, nextKey: 0 };
    const ask = (request: ClientInputRequest, name?: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const refused =
          this.flows.size >= MAX_FLOWS && !this.flows.has(id)
            ? 'too many calls are waiting for their clients to answer; try again later'
            : flow.round.refuses(request);
        if (refused !== undefined) return reject(new Error(refused));
        this.flows.set(id, flow as Flow<unknown>);
        const key = name !== undefined && !flow.asks.has(name) ? name : `input-${++flow.nextKey}`;
        flow.asks.set(key, { request, resolve, reject });
        flow.wake();
      });
    const progress: CallContext['progress'] = (...report) => flow.round.progress(...report);
    // Settled either way, so a call that fails between rounds (nobody waiting on it) is no unhandled rejection.
    flow.outcome = run({ signal: abort.signal, progress, ask }).then(
      (done) => ({ done }),
      (error: unknown) => ({ error }),
    );
    return this.next(id, flow);
  }

  /** A retried request: hands the client's answers to the flow, then answers as `start` does. */
  resume<R>(id: string, owner: string, round: Round, answers: Record<string, unknown>): Promise<Step<R>> {
    const flow = this.flows.get(id) as Flow<R> | undefined;
    if (flow === undefined || flow.owner !== owner)
      return Promise.reject(
        new Error('This call has ended (its client took too long to answer); call the tool again.'),
      );
    clearTimeout(flow.expiry);
    flow.round = round;
    for (const [key, answer] of Object.entries(answers)) {
      const ask = flow.asks.get(key);
      if (ask === undefined || typeof answer !== 'object' || answer === null) continue;
      flow.asks.delete(key);
      ask.resolve(answer as Record<string, unknown>);
    }
    return this.next(id, flow);
  }

  private async next<R>(id: string, flow: Flow<R>): Promise<Step<R>> {
    const { signal } = flow.round;
    const cancelled = () => this.end(id, flow, 'the client cancelled the call');
    signal.addEventListener('abort', cancelled, { once: true });
    try {
      const asked = new Promise<'asked'>((resolve) => {
        let quiet: NodeJS.Timeout | undefined;
        flow.wake = () => {
          clearTimeout(quiet);
          quiet = setTimeout(() => resolve('asked'), GATHER_MS);
        };
        if (flow.asks.size > 0) flow.wake();
      });
      const step = await Promise.race([flow.outcome as Promise<Outcome<R>>, asked]);
      if (step !== 'asked') {
        this.flows.delete(id);
        if ('error' in step) throw step.error;
        return step;
      }
      flow.expiry = setTimeout(
        () => this.end(id, flow, 'the client did not answer within 10 minutes'),
        ANSWER_WITHIN_MS,
      );
      flow.expiry.unref();
      const input = Object.fromEntries([...flow.asks].map(([key, ask]) => [key, ask.request]));
      return { flow: id, input };
    } finally {
      flow.wake = () => {};
      signal.removeEventListener('abort', cancelled);
    }
  }

  private end(id: string, flow: Flow<unknown>, why: string): void {
    clearTimeout(flow.expiry);
    this.flows.delete(id);
    for (const ask of flow.asks.values()) ask.reject(new Error(why));
    flow.asks.clear();
    flow.abort.abort(new Error(why));
  }

  /** Ends every waiting call (at shutdown). */
  close(): void {
    for (const [id, flow] of [...this.flows]) this.end(id, flow, 'MCP Tray is shutting down');
  }
}

import type {
  DashboardClient,
  EventChannel,
  EventPayloads,
  InvokeChannel,
  InvokeInput,
  InvokeOutput,
} from '../../../src-shared/dashboard-contract.ts';
import { EVENT_CHANNELS } from '../../../src-shared/dashboard-contract.ts';
import { isErrorCode, type ErrorCode } from '../../../src-shared/error-codes.ts';

/** A failed call: the stable code and the message from the core, ready to show. */
export class ContractCallError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** The form field at fault, when the core named one. */
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, status: number, field?: string) {
    super(message);
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

/** The browser door: the contract over /api/*, events over one EventSource. */
export function webClient(): DashboardClient {
  let source: EventSource | undefined;
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const connect = () => {
    if (source !== undefined) return;
    source = new EventSource('/api/events');
    for (const channel of EVENT_CHANNELS) {
      source.addEventListener(channel, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as unknown;
        for (const listener of listeners.get(channel) ?? []) listener(payload);
      });
    }
  };
  return {
    async invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>> {
      const res = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-mcp-tray-request': '1' },
        body: JSON.stringify(input),
      });
      const body = (await res.json().catch(() => ({}))) as {
        error?: string;
        message?: string;
        field?: string;
      };
      if (!res.ok) {
        throw new ContractCallError(
          isErrorCode(body.error) ? body.error : 'internal_error',
          body.message ?? `The call failed (${res.status}).`,
          res.status,
          body.field,
        );
      }
      return body as InvokeOutput<C>;
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void) {
      connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}

/** Whether this browser holds a dashboard session. */
export async function hasWebSession(): Promise<boolean> {
  const res = await fetch('/api/session', { credentials: 'same-origin' });
  return res.ok;
}

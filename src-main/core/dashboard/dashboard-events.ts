import type { EventChannel, EventPayloads } from '../../../src-shared/dashboard-contract.ts';

type Listener<E extends EventChannel> = (payload: EventPayloads[E]) => void;

/** Fans the contract's events out to every open dashboard (IPC windows, browser tabs). */
export class DashboardEvents {
  private readonly listeners = new Map<EventChannel, Set<Listener<EventChannel>>>();

  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // One broken listener (a closed window) must not stop the others.
      }
    }
  }

  on<E extends EventChannel>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as Listener<EventChannel>);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener<EventChannel>);
  }
}

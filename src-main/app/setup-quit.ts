import type { AppState } from './app-state.ts';

/** Quit lets requests in flight finish and closes the server before the app exits. */
export function setupQuit(deps: {
  state: AppState;
  onBeforeQuit: (listener: (event: { preventDefault(): void }) => void) => void;
  quit: () => void;
}): void {
  deps.onBeforeQuit((event) => {
    deps.state.quitting = true;
    const closing = deps.state.server;
    if (closing === undefined) return;
    event.preventDefault();
    deps.state.server = undefined;
    void closing.close().finally(() => deps.quit());
  });
}

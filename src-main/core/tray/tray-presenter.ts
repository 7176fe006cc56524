import { BusyHold } from './busy-hold.ts';
import { trayModel, type TrayInput, type TrayModel } from './tray-model.ts';

/** Timers, passed in so tests can run the idle re-check without waiting. */
export interface PresenterTimers {
  setTimeout(run: () => void, ms: number): unknown;
}

/**
 * Keeps the tray showing the state: renders only when the model changes, follows requests in flight (the
 * busy icon, held a second by BusyHold), and re-renders by itself once the hold has passed. `state()`
 * gives everything but busy, from memory: a busy server re-renders cheaply.
 */
export class TrayPresenter {
  private shown = '';
  private idleCheck = false;
  private readonly busy: BusyHold;
  private readonly render: (model: TrayModel) => void;
  private readonly state: () => Omit<TrayInput, 'busy'>;
  private readonly timers: PresenterTimers;

  constructor(options: {
    render: (model: TrayModel) => void;
    state: () => Omit<TrayInput, 'busy'>;
    now?: () => number;
    timers?: PresenterTimers;
  }) {
    this.render = options.render;
    this.state = options.state;
    this.busy = new BusyHold(options.now);
    this.timers = options.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms) };
  }

  /** Renders the tray if what it shows has changed. */
  refresh(): void {
    const model = trayModel({ ...this.state(), busy: this.busy.busy() });
    const key = JSON.stringify(model);
    if (key !== this.shown) this.render(model);
    this.shown = key;
    const later = this.busy.nextChangeIn();
    if (later !== undefined && !this.idleCheck) {
      this.idleCheck = true;
      this.timers.setTimeout(() => {
        this.idleCheck = false;
        this.refresh();
      }, later + 10);
    }
  }

  requestStarted(): void {
    const wasBusy = this.busy.busy();
    this.busy.started();
    if (!wasBusy) this.refresh();
  }

  requestFinished(): void {
    this.busy.finished();
    // One pending idle check is enough: it re-renders when the hold has passed.
    if (!this.idleCheck) this.refresh();
  }
}

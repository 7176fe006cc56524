import type { RequestHandler } from 'express';
import { sendJsonError } from './json-error.ts';

/** Lets the dashboard pause MCP serving without stopping the server it rides on. */
export class ServingSwitch {
  paused = false;
  private readonly changed: () => void;

  constructor(changed: () => void = () => {}) {
    this.changed = changed;
  }

  /** Clients get 503 until resume(); the server, the dashboard and the tray keep running. */
  pause(): void {
    this.switchTo(true);
  }

  resume(): void {
    this.switchTo(false);
  }

  private switchTo(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    this.changed();
  }

  /** While paused, MCP requests get 503 with Retry-After and a message saying why. */
  guard(): RequestHandler {
    return (_req, res, next) => {
      if (!this.paused) return next();
      res.setHeader('Retry-After', '30');
      sendJsonError(
        res,
        503,
        'serving_paused',
        'MCP serving is paused in the MCP Tray dashboard. Resume it there (Start) and try again.',
      );
    };
  }
}

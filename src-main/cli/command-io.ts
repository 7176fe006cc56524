import type { Logger } from '../core/logger.ts';

/** What a CLI command may touch of the outside world; tests and the app pass their own. */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  logger: Logger;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopSignal: Promise<string>;
}

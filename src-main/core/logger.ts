/** A line-oriented logger. Callers pass names and ids; secrets never reach it. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function streamLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const line = (level: string, message: string) => write(`${now().toISOString()} ${level} ${message}\n`);
  return {
    info: (message) => line('info', message),
    warn: (message) => line('warn', message),
    error: (message) => line('error', message),
  };
}

import type { Client } from '@modelcontextprotocol/client';

const PING_EVERY_MS = 30_000;
const PING_TIMEOUT_MS = 10_000;

/**
 * A remote server has no process to exit: it is asked every `everyMs` (30 s unless said) whether it still
 * answers, and `lost` is called once when it does not. Returns the stop.
 */
export function pingRemote(
  client: Client,
  lost: (error: Error) => void,
  everyMs = PING_EVERY_MS,
): () => void {
  let done = false;
  const timer = setInterval(() => {
    client.ping({ timeout: PING_TIMEOUT_MS }).catch((error: Error) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      lost(error);
    });
  }, everyMs);
  timer.unref();
  return () => {
    done = true;
    clearInterval(timer);
  };
}

/**
 * What an entry point adds to the server's messages: how to do the fix there. The server says "this web
 * origin is not allowed"; the CLI adds the flag that allows it, the desktop app what it offers instead.
 */
export interface EntryHints {
  /** After "no API keys yet": where to make one. */
  createKey: string;
  /** After a refused Host header: how another host name is answered. */
  allowHost: string;
  /** After a refused web origin: how that origin is allowed, if it can be. */
  allowOrigin: (origin: string) => string;
}

/** For callers that name none (tests, embedders): the fix in words, with no flag or screen. */
export const PLAIN_HINTS: EntryHints = {
  createKey: 'Create one in the dashboard.',
  allowHost: 'Connect through http://127.0.0.1.',
  allowOrigin: () => 'Use a client outside the browser, or the dashboard.',
};

import type { Logger } from '../logger.ts';

/** What oidc-provider says once, and expected here: the registration body is read before it (scope stripped). */
const EXPECTED = [/already parsed request body detected/];

let installed = false;

/**
 * oidc-provider prints its notices with console.info (to stdout, where `serve` prints only its URL) and
 * console.warn. They go to the server's log instead, as warnings, but for the ones expected of how MCP Tray
 * uses it. Installed once per process; other console output is left as it is.
 */
export function routeProviderNotices(logger: Logger): void {
  if (installed) return;
  installed = true;
  for (const level of ['info', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const [first] = args;
      if (typeof first !== 'string' || !first.includes('oidc-provider ')) return original(...args);
      if (EXPECTED.some((pattern) => pattern.test(first))) return;
      // eslint-disable-next-line no-control-regex -- its colours, when stdout is a terminal
      logger.warn(first.replace(/\u001b\[[\d;]*m/g, ''));
    };
  }
}

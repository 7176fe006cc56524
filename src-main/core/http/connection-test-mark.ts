import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How the dashboard's own connection test marks its requests, so Activity shows them as tests and the key's
 * use is not counted. The value is a secret of this process: a client cannot hide its own use behind it.
 */
export const CONNECTION_TEST_HEADER = 'x-mcp-tray-connection-test';

const MARK = randomBytes(24).toString('base64url');

/** The header value the connection test sends. */
export function connectionTestMark(): string {
  return MARK;
}

export function isConnectionTest(value: string | string[] | undefined): boolean {
  if (typeof value !== 'string' || value.length !== MARK.length) return false;
  return timingSafeEqual(Buffer.from(value), Buffer.from(MARK));
}

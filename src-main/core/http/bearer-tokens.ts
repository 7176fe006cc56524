import type { Request } from 'express';
import type { KeyMatch } from '../auth/key-registry.ts';

/** What checking a bearer token gave: the caller it stands for, or why it cannot be used. */
export type TokenCheck = { match: KeyMatch } | { problem: string };

/**
 * Access tokens beside API keys, where an authorization server issues them (the OAuth feature fills this
 * in; the HTTP surface only asks it).
 */
export interface BearerTokens {
  /** The issuer a request meets, or undefined where OAuth is off. */
  issuerFor(req: Request): string | undefined;
  /** The 401 challenge that tells a client where to start OAuth with `issuer`. */
  challenge(issuer: string): string;
  /** Whether a presented bearer value is shaped as this server's access tokens are (API keys never are). */
  isToken(value: string): boolean;
  check(token: string, issuer: string): Promise<TokenCheck>;
}

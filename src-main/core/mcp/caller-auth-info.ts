import type { AuthInfo } from '@modelcontextprotocol/server';
import type { Caller } from '../../../src-shared/caller.ts';

/**
 * The SDK carries authentication as `AuthInfo` from the HTTP layer to tool handlers. Our caller rides in
 * `extra.caller`; `token` holds the key id, never the secret, so nothing downstream can leak it.
 */
export function authInfoForCaller(caller: Caller): AuthInfo {
  return {
    token: caller.keyId,
    clientId: caller.keyName,
    scopes: [...caller.permissions],
    extra: { caller },
  };
}

export function callerFromAuthInfo(authInfo: AuthInfo | undefined): Caller | undefined {
  const caller = authInfo?.extra?.['caller'];
  return typeof caller === 'object' && caller !== null ? (caller as Caller) : undefined;
}

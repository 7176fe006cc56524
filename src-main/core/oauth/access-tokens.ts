import { jwtVerify, type CryptoKey } from 'jose';
import type { KeyRegistry } from '../auth/key-registry.ts';
import type { TokenCheck } from '../http/bearer-tokens.ts';
import { resourceOf } from './oauth-constants.ts';
import { OWNER_ACCOUNT_PREFIX } from './consent-grants.ts';
import type { GrantInfos } from './grant-infos.ts';
import type { OAuthStore } from './oauth-store.ts';

/** A bearer value shaped like a JWT (API keys never are): checked as an access token, not looked up as a key. */
export function looksLikeJwt(value: string): boolean {
  return /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(value);
}

export interface AccessTokenDeps {
  publicKey: () => Promise<CryptoKey>;
  store: OAuthStore;
  infos: GrantInfos;
  registry: KeyRegistry;
  now: () => number;
}

/**
 * The caller an access token stands for: signed by this server, for this issuer's `/mcp`, not expired, its
 * grant still there (revoking it in Connected apps ends the token at once) and the key that approved it still
 * usable (revoking or expiring the key ends it too). The caller gets that key's permissions, now.
 */
export async function checkAccessToken(
  token: string,
  issuer: string,
  deps: AccessTokenDeps,
): Promise<TokenCheck> {
  let claims;
  try {
    ({ payload: claims } = await jwtVerify(token, await deps.publicKey(), {
      issuer,
      audience: resourceOf(issuer),
      algorithms: ['ES256'],
      typ: 'at+jwt',
    }));
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    return { problem: expired ? 'the access token expired' : 'the access token is not valid here' };
  }
  const grantId = typeof claims['gid'] === 'string' ? claims['gid'] : '';
  const grant = deps.store.find('Grant', grantId);
  if (grant === undefined || grant.accountId !== claims.sub)
    return { problem: 'the access was revoked; connect the app again' };
  const info = deps.infos.get(grantId);
  const clientId = typeof claims['client_id'] === 'string' ? claims['client_id'] : '';
  const client = { id: clientId, name: info?.clientName ?? clientId };
  if (String(claims.sub).startsWith(OWNER_ACCOUNT_PREFIX)) {
    if (info?.permissions === undefined) return { problem: 'the access was revoked; connect the app again' };
    deps.infos.used(grantId);
    // Approved by the owner in MCP Tray: the app is its own caller, with what was chosen then.
    const caller = {
      keyId: `app:${grantId}`,
      keyName: info.clientName,
      userId: 'owner',
      role: 'owner',
      permissions: info.permissions,
      source: 'oauth' as const,
      client,
    };
    return { match: { caller } };
  }
  const keyId = String(claims.sub).replace(/^key:/, '');
  const key = deps.registry.findById(keyId);
  if (key === undefined || (key.expiresAt !== undefined && deps.now() >= key.expiresAt))
    return { problem: 'the key that approved this app was revoked or expired; connect the app again' };
  deps.infos.used(grantId);
  return { match: { ...key, caller: { ...key.caller, client } } };
}

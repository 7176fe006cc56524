import { randomBytes } from 'node:crypto';

/** The prefix every MCP Tray key starts with, so secret scanners (and people) can recognise one. */
export const SECRET_PREFIX = 'mcp_sk_';
const SECRET_PATTERN = /^mcp_sk_[A-Za-z0-9_-]{43}$/;

/** A new API key: the prefix and 256 random bits in base64url (43 characters). */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

export function isSecretFormat(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

/** What a list may show of a key: the prefix and its first four characters, `mcp_sk_AbCd…`. */
export function displayPrefix(secret: string): string {
  return `${secret.slice(0, SECRET_PREFIX.length + 4)}…`;
}

/** A key id: not secret, used as the keychain account and in logs. */
export function generateKeyId(): string {
  return `key_${randomBytes(9).toString('base64url')}`;
}

/** Whether a secret-store account is an API key's (the store also holds e.g. the dashboard's signing key). */
export function isKeyId(account: string): boolean {
  return account.startsWith('key_');
}

import { createHash } from 'node:crypto';

/**
 * The digest under which a presented secret is looked up. Comparing digests in a hash map means the time a
 * lookup takes tells an attacker nothing about how close a guess came to a stored key.
 */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

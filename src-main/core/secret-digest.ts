import { hash } from 'node:crypto';

/**
 * The digest under which a presented secret is looked up. Comparing digests in a hash map means the time a
 * lookup takes tells an attacker nothing about how close a guess came to a stored key. (One-shot `hash`:
 * every request computes one, and it spares the Hash object `createHash` makes.)
 */
export function secretDigest(secret: string): string {
  return hash('sha256', secret, 'base64url');
}

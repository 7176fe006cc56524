import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { errors } from 'oidc-provider';

/** Addresses a client ID metadata document must never be fetched from: this computer and private networks. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function refuse(why: string): never {
  throw new errors.InvalidClient(`the client's metadata document cannot be fetched: ${why}`);
}

/**
 * Whether a client ID metadata document may be fetched: an https URL on a public name that resolves only to
 * public addresses (oidc-provider checks the connected socket again, and caps the time and size).
 */
export async function checkMetadataDocumentUrl(clientId: string): Promise<boolean> {
  const host = new URL(clientId).hostname.replace(/^\[|\]$/g, '');
  if (/^localhost$|\.localhost$|\.local$|\.internal$/i.test(host))
    refuse(`${host} is a local name; a client's metadata document must be on the public internet`);
  let addresses: string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    refuse(`${host} could not be resolved`);
  }
  if (addresses.some(isPrivateAddress))
    refuse(
      `${host} points at a private address; a client's metadata document must be on the public internet`,
    );
  return true;
}

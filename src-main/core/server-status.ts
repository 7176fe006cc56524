import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/server';
import { PRODUCT_NAME } from '../../src-shared/product.ts';

/** The 2026-07-28 revision (stateless, `server/discover`), served beside the 2025 `initialize` era. */
export const MODERN_PROTOCOL_VERSION = '2026-07-28';
export const PROTOCOL_VERSIONS: readonly string[] = [MODERN_PROTOCOL_VERSION, ...SUPPORTED_PROTOCOL_VERSIONS];

export interface ServerStatus {
  name: string;
  version: string;
  uptimeSeconds: number;
  protocolVersions: string[];
  authModes: string[];
  keys: { count: number };
}

export interface StatusSources {
  version: string;
  startedAt: number;
  now: () => number;
  keyCount: () => number;
}

export function serverStatus(sources: StatusSources): ServerStatus {
  return {
    name: PRODUCT_NAME,
    version: sources.version,
    uptimeSeconds: Math.max(0, Math.floor((sources.now() - sources.startedAt) / 1000)),
    protocolVersions: [...PROTOCOL_VERSIONS],
    authModes: ['api_key'],
    keys: { count: sources.keyCount() },
  };
}

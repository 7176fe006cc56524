import type { ErrorCode } from '../../../src-shared/error-codes.ts';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../../src-shared/product.ts';
import { InputError } from '../app-error.ts';
import { DEFAULT_RATE_LIMIT } from '../auth/rate-limiter.ts';
import { parseSecretStoreKind } from '../keys/open-secret-store.ts';
import { parseRate, type RateLimit } from '../keys/quantity-parsers.ts';
import type { SecretStoreKind } from '../keys/secret-store.ts';
import type { Settings } from '../settings/settings-file.ts';
import { oauthConfigFromEnv, type OAuthEnvironment } from '../sign-in/sign-in-config.ts';
import { defaultDataDir } from '../data-dir.ts';
import { isLoopbackHost } from '../http/host-allowlist.ts';
import { canonicalOrigin } from '../http/origin-allowlist.ts';

export interface ServerConfig {
  host: string;
  port: number;
  allowLan: boolean;
  /** Extra Host header names to answer to (a LAN name, later a tunnel's public host). */
  allowHosts: string[];
  allowOrigins: string[];
  dataDir: string;
  allowQueryKey: boolean;
  /** The raw `MCP_API_KEYS` value. */
  apiKeys: string | undefined;
  secretStore: SecretStoreKind;
  /** The public HTTPS origin of a tunnel, from Settings: cloud clients' configs use it, and its host is answered. */
  publicBaseUrl?: string;
  /** OAuth on loopback names too (`--oauth-local`, `MCP_OAUTH_LOCAL`, Settings); the public URL has it always. */
  oauthLocal: boolean;
  /** The rate limit of keys that have none of their own. */
  defaultRateLimit: RateLimit;
  /** Sign-in with GitHub or Google for the dashboard, as far as MCP_OAUTH_* set it (Settings does the rest). */
  oauth: OAuthEnvironment;
}

/** What the command line gave; anything absent falls back to the environment, then the defaults. */
export interface ServerFlags {
  host?: string;
  port?: string;
  allowLan?: boolean;
  allowHost?: string[];
  allowOrigin?: string[];
  dataDir?: string;
  queryKey?: boolean;
  oauthLocal?: boolean;
  secretStore?: string;
  rateLimit?: string;
}

/** Flags and variables are named in these messages: they say which input was wrong, as it was given. */
function usage(code: ErrorCode, message: string, field: string): InputError {
  return new InputError(code, message, { field });
}

export function parsePort(value: string, source: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > 65535) {
    throw usage(
      'invalid_port',
      `${source} must be a port number from 1 to 65535 (0 picks a free one), not "${value}".`,
      source,
    );
  }
  return Number(value);
}

function parseSwitch(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw usage('invalid_setting', `${name} must be true or false, not "${value}".`, name);
}

/** Flags win over environment variables, which win over the Settings screen's settings.json, then defaults. */
export function resolveServerConfig(
  flags: ServerFlags,
  env: NodeJS.ProcessEnv,
  settings: Settings = {},
): ServerConfig {
  const envPort = env['MCP_PORT'];
  const port =
    flags.port !== undefined
      ? parsePort(flags.port, '--port')
      : envPort !== undefined && envPort !== ''
        ? parsePort(envPort, 'MCP_PORT')
        : (settings.port ?? DEFAULT_PORT);
  const host = flags.host ?? DEFAULT_HOST;
  const allowLan = flags.allowLan ?? false;
  if (!isLoopbackHost(host) && !allowLan) {
    throw usage(
      'lan_not_allowed',
      `--host ${host} would let other computers on the network reach this server. If that is what you want, ` +
        'add --allow-lan (and keep your API keys secret); otherwise leave --host at 127.0.0.1.',
      '--host',
    );
  }
  const allowOrigins = flags.allowOrigin ?? [];
  for (const origin of allowOrigins) {
    if (canonicalOrigin(origin) === undefined || origin.includes('*')) {
      throw usage(
        'invalid_origin',
        `--allow-origin "${origin}" is not an origin; give one like http://localhost:6274 (no wildcards, no path).`,
        '--allow-origin',
      );
    }
  }
  const allowHosts = flags.allowHost ?? [];
  for (const name of allowHosts) {
    if (!/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(name)) {
      throw usage(
        'invalid_host',
        `--allow-host "${name}" is not a host name; give one like my-pc.local.`,
        '--allow-host',
      );
    }
  }
  return {
    host,
    port,
    allowLan,
    allowHosts,
    allowOrigins,
    dataDir: resolveDataDir(flags.dataDir, env),
    allowQueryKey:
      flags.queryKey ??
      parseSwitch(env['MCP_ALLOW_QUERY_KEY'], 'MCP_ALLOW_QUERY_KEY') ??
      settings.allowQueryKey ??
      true,
    oauthLocal:
      flags.oauthLocal ??
      parseSwitch(env['MCP_OAUTH_LOCAL'], 'MCP_OAUTH_LOCAL') ??
      settings.oauthLocal ??
      false,
    ...(settings.publicBaseUrl !== undefined && { publicBaseUrl: settings.publicBaseUrl }),
    apiKeys: env['MCP_API_KEYS'],
    secretStore: parseSecretStoreKind(flags.secretStore),
    defaultRateLimit: flags.rateLimit === undefined ? DEFAULT_RATE_LIMIT : parseRate(flags.rateLimit),
    oauth: oauthConfigFromEnv(env),
  };
}

/** `--data-dir`, else `MCP_TRAY_DATA_DIR`, else the folder the desktop app uses. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const fromEnv = env['MCP_TRAY_DATA_DIR'];
  return flag ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : defaultDataDir());
}

/** The rows of the dashboard's tables: keys and activity, as the contract carries them. */

export interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  status: 'active' | 'expired' | 'revoked' | 'secret_missing' | 'environment';
  createdAt: string | null;
  lastUsedAt: string | null;
  requestCount: number;
  expiresAt: string | null;
  rateLimit: { limit: number; windowSeconds: number } | null;
  /** Keys from MCP_API_KEYS: shown, never changed here. */
  readOnly: boolean;
}

export interface ActivityRow {
  time: string;
  keyId: string | null;
  keyName: string | null;
  method: string;
  path: string;
  mcpMethod: string | null;
  tool: string | null;
  status: number;
  durationMs: number;
  /** The client's User-Agent (cut at 200 characters) and address. */
  userAgent: string | null;
  remoteAddress: string | null;
  /** The error code the server answered with (`serving_paused`, `invalid_api_key`, `rate_limited`...). */
  outcome?: string;
  /** A dashboard "Test" of the key: shown as such, and not counted as the key's use. */
  connectionTest?: boolean;
  /** It came by the public URL (a tunnel), from the internet, not from this computer. */
  viaPublicUrl?: boolean;
  /** For a request with an OAuth access token: the app that holds it (keyName is the key that approved it). */
  oauthClient?: string;
  /** For a tool of one of the user's servers: that server, and the tool's own name there. */
  server?: string;
  upstreamTool?: string;
}

/** The Activity screen's status filter. */
export type ActivityStatus = 'ok' | 'refused' | 'limited' | 'failed';

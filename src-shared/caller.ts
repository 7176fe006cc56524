/** Who is calling: what every route and tool learns about an authenticated request. */
export interface Caller {
  /** Stable id of the credential, never its secret (for environment keys: `env:` + a digest prefix). */
  keyId: string;
  keyName: string;
  userId: string;
  role: string;
  permissions: readonly string[];
  /** Where the credential came from. */
  source: 'environment' | 'stored' | 'oauth';
  /** For an OAuth access token: the app that holds it (approved with the key above, or by the owner). */
  client?: { id: string; name: string };
}

/** Where key secrets live: the OS keychain by default, a 0600 file on headless machines that have none. */
export interface SecretStore {
  /** Human name for messages, e.g. "the macOS Keychain". */
  readonly label: string;
  /** Every secret this app stored, by key id. */
  list(): Promise<Map<string, string>>;
  get(id: string): Promise<string | undefined>;
  set(id: string, secret: string): Promise<void>;
  /** True if something was deleted. */
  delete(id: string): Promise<boolean>;
  /**
   * Proves the store can be written, throwing its failure otherwise. A locked or just-restarted keychain
   * answers reads with "nothing here" rather than an error; this tells that apart from secrets really gone.
   */
  check(): Promise<void>;
}

export type SecretStoreKind = 'keychain' | 'file';

export const KEYCHAIN_SERVICE = 'MCP Tray';

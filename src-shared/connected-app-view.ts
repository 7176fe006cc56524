/** An app connected with OAuth (ChatGPT, Claude...), as Connected apps lists it. */
export interface ConnectedAppView {
  grantId: string;
  clientName: string;
  clientId: string;
  /** Where its approval was sent (chatgpt.com, claude.ai...). */
  redirectHost: string;
  /** The key it was approved with, and its name then. */
  keyId: string;
  approvedBy: string;
  createdAt: string;
  lastUsedAt: string | null;
}

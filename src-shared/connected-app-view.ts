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

/** An app waiting for an answer: its consent page is open in a browser, and the owner may answer here. */
export interface WaitingAppView {
  uid: string;
  clientName: string;
  redirectHost: string;
  askedAt: string;
}

/** What Connected apps shows: the apps connected, and those waiting for an answer. */
export interface AppsView {
  apps: ConnectedAppView[];
  waiting: WaitingAppView[];
}

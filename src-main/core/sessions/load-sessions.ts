import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import { LoginTokens, loginUrl } from './login-tokens.ts';
import { SessionSigner } from './session-signer.ts';
import { SignedOutSessions } from './signed-out-sessions.ts';

export interface Sessions {
  /** Signs and checks session tokens (its key is in the secret store). */
  signer: SessionSigner;
  /** Sessions ended by signing out, or by an owner's removal. */
  signedOut: SignedOutSessions;
  /** One-time sign-in links, shared with `mcp-tray dashboard` through the data folder. */
  tokens: LoginTokens;
  /** A fresh one-time sign-in link for the web dashboard at `origin`. */
  issueLoginUrl(origin: string): Promise<string>;
}

/** Everything the dashboard's sessions need, loaded from the data folder and the secret store. */
export async function loadSessions(
  dataDir: string,
  now: () => number,
  secrets: SecretStore,
  logger: Logger,
): Promise<Sessions> {
  const signedOut = await SignedOutSessions.load(dataDir, now, (message) => logger.warn(message));
  const signer = await SessionSigner.load(secrets, logger, { signedOut });
  const tokens = new LoginTokens(dataDir, now);
  return {
    signer,
    signedOut,
    tokens,
    issueLoginUrl: async (origin) => loginUrl(origin, await tokens.issue()),
  };
}

import { jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import type { SecretStore } from '../keys/secret-store.ts';
import { loadSigningKeyPair } from '../keys/signing-key-pair.ts';
import type { Logger } from '../logger.ts';
import type { SignedOutSessions } from './signed-out-sessions.ts';

/** The secret-store account holding the dashboard's session signing key (not an API key). */
export const SESSION_KEY_ACCOUNT = 'dashboard-session-key';
const ISSUER = 'mcp-tray';
const AUDIENCE = 'mcp-tray-dashboard';
export const SESSION_TTL_SECONDS = 12 * 3600;

/**
 * Signs and checks dashboard sessions: ES256 JWTs made with jose. The key pair is made at first run and its
 * private key kept in the secret store; when that store cannot be reached, a key for this run only is used
 * (sessions then end when the server does) and the reason is logged.
 */
export class SessionSigner {
  private readonly privateKey: CryptoKey;
  private readonly publicKey: CryptoKey;
  /** Sessions ended before they expire (sign out); checked by verify. */
  signedOut: SignedOutSessions | undefined;

  private constructor(privateKey: CryptoKey, publicKey: CryptoKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Loads (or makes) the key pair; a store slower than `waitMs` gets a key for this run only. */
  static async load(
    store: SecretStore,
    logger: Logger,
    options: { waitMs?: number; signedOut?: SignedOutSessions } = {},
  ): Promise<SessionSigner> {
    const pair = await loadSigningKeyPair(store, SESSION_KEY_ACCOUNT, {
      waitMs: options.waitMs ?? 2_000,
      onEphemeral: (reason) =>
        logger.warn(`Dashboard sessions will last only until the server stops: ${reason}.`),
    });
    const signer = new SessionSigner(pair.privateKey, pair.publicKey);
    signer.signedOut = options.signedOut;
    return signer;
  }

  issue(subject: string, claims: Record<string, string | null> = {}): Promise<string> {
    // iat_ms orders a session against a sign-out in the same second (iat counts whole seconds).
    return new SignJWT({ ...claims, iat_ms: Date.now() })
      .setProtectedHeader({ alg: 'ES256' })
      .setJti(randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${SESSION_TTL_SECONDS}s`)
      .sign(this.privateKey);
  }

  /** Whether a session verified earlier still holds now: not expired since, not signed out since. */
  stillValid(claims: JWTPayload): boolean {
    return (claims.exp ?? 0) * 1000 > Date.now() && !this.signedOut?.ended(claims);
  }

  /** The session's claims (`sub` and the profile), or undefined for a token forged, foreign, expired or signed out. */
  async verify(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['ES256'],
      });
      if (payload.sub === undefined || this.signedOut?.ended(payload)) return undefined;
      return payload;
    } catch {
      return undefined;
    }
  }
}

import express, { type Router } from 'express';
import { isAppError } from '../app-error.ts';
import { httpStatusOf } from '../http/error-status.ts';
import { requestCookie } from '../http/request-parts.ts';
import { SESSION_TTL_SECONDS, type SessionSigner } from '../sessions/session-signer.ts';
import type { Identity } from './identity.ts';
import type { OAuthConfig } from './sign-in-config.ts';
import { PROVIDER_FLOWS } from './provider-flows.ts';
import type { OAuthSettings } from './sign-in-settings.ts';
import type { OwnerList } from './owner-list.ts';
import type { PendingSignIns } from './pending-sign-ins.ts';
import { escapeHtml as escape, signInPage as page } from './sign-in-page.ts';
import type { SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import { PROVIDER_NAME, SIGN_IN_PROVIDERS } from '../../../src-shared/sign-in-providers.ts';

export interface OAuthRoutesOptions {
  settings: OAuthSettings;
  pending: PendingSignIns;
  owners: OwnerList;
  sessions: SessionSigner;
  sessionCookie: string;
  onSignedIn: (who: Identity) => Promise<void>;
  /** Failures the person is told to look up in the server log. */
  warn: (message: string) => void;
}

/** Sign in with GitHub in the system browser: /auth/oauth/login, /start, /callback, and /api/user/profile. */
export function oauthRoutes(options: OAuthRoutesOptions): Router {
  const router = express.Router();
  /** The settings of this moment (Settings can change them while the server runs); providers only when on. */
  const current = async (): Promise<{ config?: OAuthConfig; problem?: string }> => {
    try {
      return { config: await options.settings.config() };
    } catch (error) {
      // The keychain is locked or unreachable (its message says what to do), or settings.json is unreadable.
      const problem = `The sign-in settings could not be read: ${(error as Error).message}`;
      options.warn(problem);
      return { problem };
    }
  };

  /** The providers set up and turned on, in the order they are offered. */
  const offered = ({ config }: { config?: OAuthConfig }) =>
    config === undefined
      ? []
      : SIGN_IN_PROVIDERS.filter((provider) => PROVIDER_FLOWS[provider].ready(config));

  router.get('/auth/oauth/login', async (_req, res) => {
    const settings = await current();
    if (settings.problem !== undefined)
      return page(res, 200, 'Sign in to MCP Tray', `<p>${escape(settings.problem)}</p>`);
    const links = offered(settings)
      .map(
        (provider) =>
          `<p><a class="button" href="/auth/oauth/${provider}/start">Sign in with ${PROVIDER_NAME[provider]}</a></p>`,
      )
      .join('');
    const none =
      '<p>No sign-in provider is set up. Add a GitHub or Google OAuth client in the dashboard’s Settings (or set MCP_OAUTH_ENABLED and MCP_OAUTH_GITHUB_CLIENT_ID / _SECRET), or sign in with a one-time link from <code>mcp-tray dashboard</code>.</p>';
    page(res, 200, 'Sign in to MCP Tray', links || none);
  });

  /** For the dashboard's sign-in page (no session yet): which providers to offer. Names only. */
  router.get('/auth/oauth/providers', async (_req, res) => {
    res.json({ providers: offered(await current()) });
  });

  for (const provider of SIGN_IN_PROVIDERS) {
    const name = PROVIDER_NAME[provider];
    router.get(`/auth/oauth/${provider}/start`, async (_req, res, next) => {
      try {
        const { config, problem } = await current();
        const flow = PROVIDER_FLOWS[provider];
        if (config === undefined || !flow.ready(config))
          return page(
            res,
            problem === undefined ? 404 : 502,
            problem === undefined ? `${name} sign-in is off` : 'Sign-in failed',
            `<p>${escape(problem ?? `Add your ${name} OAuth client’s ID and secret in the dashboard’s Settings, under Sign-in (or set MCP_OAUTH_ENABLED and MCP_OAUTH_${provider.toUpperCase()}_CLIENT_ID / _SECRET).`)}</p>`,
          );
        res.redirect(302, await flow.authorizeUrl(config, options.pending));
      } catch (error) {
        if (isAppError(error))
          return page(res, httpStatusOf(error), 'Sign-in failed', `<p>${escape(error.message)}</p>`);
        next(error);
      }
    });
  }

  router.get('/auth/oauth/callback', async (req, res) => {
    const { config, problem } = await current();
    if (config === undefined)
      return page(res, 502, 'Sign-in failed', `<p>${escape(problem ?? 'No sign-in settings.')}</p>`);
    const callback = new URL(req.originalUrl, config.redirectUri);
    const state = callback.searchParams.get('state') ?? undefined;
    const signIn = options.pending.take(state);
    const flow = signIn === undefined ? undefined : PROVIDER_FLOWS[signIn.provider as SignInProvider];
    if (signIn === undefined || state === undefined || flow === undefined || !flow.ready(config)) {
      return page(
        res,
        400,
        'This sign-in link expired',
        '<p>This sign-in link expired or was already used; start again from MCP Tray.</p>',
      );
    }
    try {
      const who = await flow.identity(config, callback, state, signIn);
      if (!(await options.owners.admit(who))) {
        return page(
          res,
          403,
          'Not allowed',
          `<p>@${escape(who.login)} is not on this MCP Tray's owner list. Ask its owner to add you in Settings.</p>`,
        );
      }
      const session = await options.sessions.issue(who.subject, {
        login: who.login,
        name: who.name,
        email: who.email,
        avatarUrl: who.avatarUrl,
      });
      const secure = config.redirectUri.startsWith('https:') ? '; Secure' : '';
      res.setHeader(
        'Set-Cookie',
        `${options.sessionCookie}=${session}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${SESSION_TTL_SECONDS}${secure}`,
      );
      await options.onSignedIn(who);
      page(
        res,
        200,
        `Signed in as @${who.login}`,
        '<p>You can close this tab and return to MCP Tray. <a href="/">Open the dashboard</a></p>',
      );
    } catch (error) {
      if (!isAppError(error)) options.warn(`Sign-in failed: ${(error as Error).message}`);
      const message = isAppError(error) ? error.message : 'The sign-in failed; see the server log.';
      page(res, isAppError(error) ? httpStatusOf(error) : 400, 'Sign-in failed', `<p>${escape(message)}</p>`);
    }
  });

  router.get('/api/user/profile', async (req, res) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? requestCookie(req, options.sessionCookie);
    const claims = token === undefined ? undefined : await options.sessions.verify(token);
    if (claims === undefined) {
      return void res
        .status(401)
        .json({ error: 'not_signed_in', message: 'Sign in with GitHub (/auth/oauth/login) first.' });
    }
    res.json({
      subject: claims.sub,
      login: claims['login'] ?? null,
      name: claims['name'] ?? null,
      email: claims['email'] ?? null,
      avatarUrl: claims['avatarUrl'] ?? null,
    });
  });

  return router;
}

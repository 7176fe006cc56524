import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { JWTPayload } from 'jose';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/content-security-policy.ts';
import { EVENT_CHANNELS, type AccountView } from '../../../src-shared/dashboard-contract.ts';
import { callError } from './call-error.ts';
import { isLoopbackHost } from '../http/host-allowlist.ts';
import { jsonDepthGuard } from '../http/json-depth.ts';
import { requestCookie, requestHostName } from '../http/request-parts.ts';
import { sendJsonError } from '../http/json-error.ts';
import type { SignInHelp } from '../sessions/dashboard-link.ts';
import type { DashboardEvents } from './dashboard-events.ts';
import { invokeChannel, type ContractHandlers } from './dashboard-handlers.ts';
import type { LoginTokens } from '../sessions/login-tokens.ts';
import { SESSION_TTL_SECONDS, type SessionSigner } from '../sessions/session-signer.ts';

export const SESSION_COOKIE = 'mcp_tray_session';
/** Mutations must carry this header: a cross-site form or image cannot, so it defeats CSRF. */
export const CSRF_HEADER = 'x-mcp-tray-request';

export interface WebDashboardOptions {
  handlers: ContractHandlers;
  events: DashboardEvents;
  tokens: LoginTokens;
  sessions: SessionSigner;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  signInHelp: () => SignInHelp;
  /** More routes on the same loopback-only door (sign-in with GitHub). */
  extra?: Router;
  onError: (error: Error) => void;
}

/** The dashboard answers only on loopback Host names, never through a tunnel's public host. */
const loopbackOnly: RequestHandler = (req, res, next) => {
  if (isLoopbackHost(requestHostName(req))) return next();
  sendJsonError(res, 404, 'not_found', 'The dashboard is only served on this computer (http://127.0.0.1).');
};

/** Open dashboard event streams at most (a browser tab holds one; more are left-over or abusive). */
export const MAX_EVENT_STREAMS = 32;

/** The largest dashboard call: no input comes near it (the biggest is a list of permissions). */
const API_BODY_LIMIT = '1mb';

const refuseDeepJson = jsonDepthGuard((res, message) => sendJsonError(res, 400, 'too_deep', message));

/** The web door of the dashboard contract: `/login`, `/api/*` and the built renderer at `/`. */
export function webDashboard(options: WebDashboardOptions): {
  router: Router;
  closeStreams: () => void;
  /** Whether the request comes with a valid dashboard session (the owner's browser on this computer). */
  signedIn: (req: Request) => Promise<boolean>;
} {
  const router = express.Router();
  const streams = new Set<Response>();
  router.use(loopbackOnly, (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });
  // Answers from /api hold keys, secrets (keys.reveal) and account details: no cache may keep them.
  router.use(['/api', '/login'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/login', async (req, res, next) => {
    try {
      const token = typeof req.query['token'] === 'string' ? req.query['token'] : '';
      const outcome = token === '' ? 'expired' : await options.tokens.consume(token);
      if (outcome !== 'ok') return res.redirect(303, `/?signin=${outcome}`);
      const session = await options.sessions.issue('local-owner');
      res.setHeader(
        'Set-Cookie',
        `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_TTL_SECONDS}`,
      );
      res.redirect(303, '/');
    } catch (error) {
      next(error);
    }
  });

  const session = async (req: Request) => {
    const token = requestCookie(req, SESSION_COOKIE);
    return token === undefined ? undefined : options.sessions.verify(token);
  };
  const signedIn: RequestHandler = (req, res, next) => {
    void session(req).then((claims) => {
      if (claims !== undefined) {
        res.locals['session'] = claims;
        return next();
      }
      sendJsonError(
        res,
        401,
        'not_signed_in',
        'Sign in with the link that "mcp-tray serve" printed, or run "mcp-tray dashboard" for a new one.',
      );
    });
  };

  // Before anyone signs in: the exact command that prints a link for this server (the sign-in page shows it,
  // and `mcp-tray dashboard` checks it is talking to the server of its data folder).
  router.get('/api/sign-in-help', (_req, res) => void res.json(options.signInHelp()));
  router.get('/api/session', signedIn, (_req, res) => void res.json({ signedIn: true }));

  /** Ends this browser's session: the cookie goes, and the token stops working even if it was copied. */
  const signOut = async (req: Request, res: Response) => {
    const claims = await session(req);
    if (claims !== undefined) await options.sessions.signedOut?.endSession(claims);
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
  };
  router.post('/logout', (req, res, next) => {
    if (req.headers[CSRF_HEADER] !== '1')
      return sendJsonError(
        res,
        403,
        'csrf',
        `Sign out from the dashboard (it sends the ${CSRF_HEADER} header).`,
      );
    signOut(req, res).then(() => res.status(204).end(), next);
  });

  /** In the browser, "who is signed in" is this browser's session, not the desktop app's account. */
  const browserAccount = async (req: Request, res: Response): Promise<AccountView | undefined> => {
    const channel = String(req.params['channel']);
    if (channel !== 'account.get' && channel !== 'account.signOut') return undefined;
    if (channel === 'account.signOut') await signOut(req, res);
    const { providers } = await options.handlers['account.get']({});
    const claims = res.locals['session'] as JWTPayload;
    const login = claims['login'];
    return {
      account:
        channel === 'account.get' && typeof login === 'string'
          ? {
              login,
              name: typeof claims['name'] === 'string' ? claims['name'] : null,
              avatarUrl: typeof claims['avatarUrl'] === 'string' ? claims['avatarUrl'] : null,
              provider: claims.sub?.startsWith('google:') ? 'google' : 'github',
            }
          : null,
      providers,
    };
  };

  router.post(
    '/api/invoke/:channel',
    signedIn,
    express.json({ limit: API_BODY_LIMIT }),
    refuseDeepJson,
    (req, res) => {
      if (req.headers[CSRF_HEADER] !== '1') {
        return sendJsonError(res, 403, 'csrf', `Dashboard calls must carry the ${CSRF_HEADER} header.`);
      }
      browserAccount(req, res)
        .then((view) => view ?? invokeChannel(options.handlers, String(req.params['channel']), req.body))
        .then(
          (result) => res.json(result),
          (error: unknown) => {
            const failed = callError(error);
            if (!failed.expected) options.onError(error as Error);
            const { code, message, ...details } = failed.error;
            sendJsonError(res, failed.status, code, message, details);
          },
        );
    },
  );

  router.get('/api/events', signedIn, (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const claims = res.locals['session'] as JWTPayload;
    // A stream outlives the check at its start: once its session ends (signed out, owner removed, expired),
    // it gets nothing more but a bare cue to look again (which then finds no session), and closes.
    const open = () => {
      // Several events can come in one tick: once ended, later ones must not write (that would be an error).
      if (res.writableEnded) return false;
      if (options.sessions.stillValid(claims)) return true;
      res.end(`event: account.changed\ndata: ${JSON.stringify({ account: null, providers: [] })}\n\n`);
      return false;
    };
    const stops = EVENT_CHANNELS.map((channel) =>
      options.events.on(channel, (payload) => {
        if (open()) res.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    const keepAlive = setInterval(() => open() && res.write(': keep-alive\n\n'), 25_000);
    // A cap, not a leak: past it the oldest stream is ended (its page's EventSource connects again).
    if (streams.size >= MAX_EVENT_STREAMS) streams.values().next().value?.end();
    streams.add(res);
    res.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(res);
      for (const stop of stops) stop();
    });
  });

  if (options.extra) router.use(options.extra);
  router.use(express.static(options.rendererDir, { index: 'index.html', maxAge: 0 }));
  return {
    router,
    signedIn: async (req) => (await session(req)) !== undefined,
    // Open event streams would hold a graceful shutdown until its deadline; end them first.
    closeStreams: () => {
      for (const stream of streams) stream.end();
    },
  };
}

import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { FailedAuthLockout } from '../auth/failed-auth-lockout.ts';
import type { KeyMatch, KeyRegistry } from '../auth/key-registry.ts';
import { lockoutClient } from '../http/api-key-auth.ts';
import { approve, clientOf, type Details } from './consent-grants.ts';
import type { GrantInfos } from './grant-infos.ts';
import { consentGonePage, consentPage, consentWaitingPage, OAUTH_PAGE_POLICY } from './oauth-pages.ts';
import type { PendingApprovals } from './pending-approvals.ts';

export interface ConsentDeps {
  provider: (res: Response) => Promise<Provider>;
  registry: KeyRegistry;
  lockout: FailedAuthLockout;
  infos: GrantInfos;
  /** Requests the owner can answer in the dashboard instead. */
  pending: PendingApprovals;
  now: () => number;
  /** Told when an app first asks to connect (the desktop app raises a notification). */
  onRequest?: (request: { clientName: string; url: string }) => void;
}

function send(res: Response, status: number, html: string): void {
  res.status(status).setHeader('Content-Security-Policy', OAUTH_PAGE_POLICY);
  res.setHeader('Cache-Control', 'no-store').setHeader('X-Frame-Options', 'DENY').type('html').send(html);
}

/** The key pasted on the page, if it is one that can be used now; otherwise why not. */
function pastedKey(req: Request, deps: ConsentDeps): { match: KeyMatch } | { problem: string } {
  const client = lockoutClient(req);
  const wait = deps.lockout.retryAfterSeconds(client);
  if (wait > 0) return { problem: `Too many wrong keys were tried; try again in ${wait} seconds.` };
  const body = req.body as { key?: unknown };
  const key = typeof body.key === 'string' ? body.key.trim() : '';
  if (key === '')
    return { problem: 'Paste a connector key to approve (MCP Tray, Keys, Copy connector key).' };
  const match = deps.registry.lookup(key);
  const now = deps.now();
  if (match === undefined || (match.validUntil !== undefined && now >= match.validUntil)) {
    deps.lockout.recordFailure(client);
    return { problem: 'That key is not known to MCP Tray (or was revoked or rotated). Copy it again.' };
  }
  if (match.expiresAt !== undefined && now >= match.expiresAt)
    return { problem: `The key "${match.caller.keyName}" has expired; extend it or use another.` };
  return { match };
}

const NOTIFY_EVERY_MS = 15_000;
const DENIED = { error: 'access_denied', error_description: 'The person at MCP Tray declined.' };
const ONCE = { mergeWithLastSubmission: false };

/**
 * `/consent/<uid>`: the page an authorization request lands on, and its answer. Approving with a key grants
 * the app that key's permissions; the owner can also answer in MCP Tray's dashboard (the page then waits and
 * goes on by itself); Deny sends `access_denied` back to the app. Wrong keys count towards the failed-auth
 * lockout, as they do on /mcp.
 */
export function consentRoutes(deps: ConsentDeps): Router {
  const router = express.Router();
  // Anyone on the internet can start a request: one notification per quarter minute at most.
  let notifiedAt = -Infinity;
  const details = async (req: Request, res: Response) => {
    const provider = await deps.provider(res);
    const found = await provider.interactionDetails(req, res).catch(() => undefined);
    if (found === undefined || found.uid !== req.params['uid']) return undefined;
    return { provider, found, view: await clientOf(provider, found) };
  };
  /** Finishes the request when the owner answered it in the dashboard; false while there is no answer. */
  const answeredInTray = async (req: Request, res: Response, provider: Provider, found: Details) => {
    const decision = deps.pending.take(found.uid);
    if (decision === undefined) return false;
    const result = decision === 'denied' ? DENIED : await approve(provider, found, decision, deps.infos);
    await provider.interactionFinished(req, res, result, ONCE);
    return true;
  };

  router.get('/consent/:uid', async (req, res) => {
    const current = await details(req, res);
    if (current === undefined) return send(res, 400, consentGonePage());
    const { provider, found, view } = current;
    if (deps.pending.ask({ uid: found.uid, ...view }) && deps.now() - notifiedAt > NOTIFY_EVERY_MS) {
      notifiedAt = deps.now();
      deps.onRequest?.({ clientName: view.clientName, url: `${provider.issuer}${req.path}` });
    }
    if (await answeredInTray(req, res, provider, found)) return;
    send(res, 200, req.query['waiting'] === '1' ? consentWaitingPage(view) : consentPage(view));
  });
  router.post('/consent/:uid', express.urlencoded({ extended: false, limit: '8kb' }), async (req, res) => {
    const current = await details(req, res);
    if (current === undefined) return send(res, 400, consentGonePage());
    const { provider, found, view } = current;
    const action = (req.body as { action?: unknown }).action;
    if (action === 'wait') {
      if (await answeredInTray(req, res, provider, found)) return;
      return send(res, 200, consentWaitingPage(view));
    }
    if (action === 'deny') {
      deps.pending.forget(found.uid);
      return provider.interactionFinished(req, res, DENIED, ONCE);
    }
    const pasted = pastedKey(req, deps);
    if ('problem' in pasted) return send(res, 400, consentPage({ ...view, problem: pasted.problem }));
    deps.pending.forget(found.uid);
    const result = await approve(provider, found, { kind: 'key', match: pasted.match }, deps.infos);
    await provider.interactionFinished(req, res, result, ONCE);
  });
  return router;
}

import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { FailedAuthLockout } from '../auth/failed-auth-lockout.ts';
import type { KeyMatch, KeyRegistry } from '../auth/key-registry.ts';
import { lockoutClient } from '../http/api-key-auth.ts';
import { MCP_SCOPE, resourceOf } from './authorization-server.ts';
import type { GrantInfos } from './grant-infos.ts';
import { consentGonePage, consentPage, OAUTH_PAGE_POLICY, type ConsentView } from './oauth-pages.ts';

export interface ConsentDeps {
  provider: (res: Response) => Provider;
  registry: KeyRegistry;
  lockout: FailedAuthLockout;
  infos: GrantInfos;
  now: () => number;
  /** Told when an app asks to connect (the desktop app raises a notification that opens the page). */
  onRequest?: (request: { clientName: string; url: string }) => void;
}

/** The account a grant approved with a key stands for. */
export function keyAccount(keyId: string): string {
  return `key:${keyId}`;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

async function viewOf(provider: Provider, details: Details): Promise<ConsentView> {
  const clientId = String(details.params['client_id']);
  const client = await provider.Client.find(clientId);
  const redirect = URL.parse(String(details.params['redirect_uri']));
  return { clientName: client?.clientName ?? clientId, redirectHost: redirect?.host ?? 'an unknown address' };
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

async function approve(provider: Provider, details: Details, match: KeyMatch, deps: ConsentDeps) {
  const clientId = String(details.params['client_id']);
  const accountId = keyAccount(match.caller.keyId);
  const grant = new provider.Grant({ accountId, clientId });
  grant.addOIDCScope('openid offline_access');
  grant.addResourceScope(resourceOf(provider.issuer), MCP_SCOPE);
  const grantId = await grant.save();
  const view = await viewOf(provider, details);
  await deps.infos.record({
    grantId,
    clientId,
    clientName: view.clientName,
    redirectHost: view.redirectHost,
    keyId: match.caller.keyId,
    approvedBy: match.caller.keyName,
  });
  return { login: { accountId }, consent: { grantId } };
}

/**
 * `/consent/<uid>`: the page an authorization request lands on, and its answer. Approving with a key grants
 * the app that key's permissions; Deny sends `access_denied` back to the app. Wrong keys count towards the
 * failed-auth lockout, as they do on /mcp.
 */
export function consentRoutes(deps: ConsentDeps): Router {
  const router = express.Router();
  const details = async (req: Request, res: Response) => {
    const provider = deps.provider(res);
    const found = await provider.interactionDetails(req, res).catch(() => undefined);
    if (found === undefined || found.uid !== req.params['uid']) return undefined;
    return { provider, found };
  };
  router.get('/consent/:uid', async (req, res) => {
    const current = await details(req, res);
    if (current === undefined) return send(res, 400, consentGonePage());
    const view = await viewOf(current.provider, current.found);
    deps.onRequest?.({ clientName: view.clientName, url: `${current.provider.issuer}${req.path}` });
    send(res, 200, consentPage(view));
  });
  router.post('/consent/:uid', express.urlencoded({ extended: false, limit: '8kb' }), async (req, res) => {
    const current = await details(req, res);
    if (current === undefined) return send(res, 400, consentGonePage());
    const { provider, found } = current;
    const action = (req.body as { action?: unknown }).action;
    if (action === 'deny') {
      const denied = { error: 'access_denied', error_description: 'The person at MCP Tray declined.' };
      return provider.interactionFinished(req, res, denied, { mergeWithLastSubmission: false });
    }
    const pasted = pastedKey(req, deps);
    if ('problem' in pasted)
      return send(res, 400, consentPage({ ...(await viewOf(provider, found)), problem: pasted.problem }));
    const result = await approve(provider, found, pasted.match, deps);
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  });
  return router;
}

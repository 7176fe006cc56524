import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/**
 * A local server with GitHub's documented OAuth web-flow behaviour, for tests that cannot reach github.com:
 * /login/oauth/authorize redirects back with a code (the person "approves" at once, or declines when told to),
 * /login/oauth/access_token answers JSON only when asked and reports errors with HTTP 200 and {"error"}, and
 * the API (/user, /user/emails) wants a bearer token and a User-Agent.
 */
export interface GitHubUser {
  id: number;
  login: string;
  name: string;
  email: string;
}

export async function startGitHubProvider(options: { clientId: string; clientSecret: string }) {
  let user: GitHubUser = { id: 583231, login: 'octocat', name: 'The Octocat', email: 'octocat@example.com' };
  let decline = false;
  const codes = new Map<string, { challenge: string; redirectUri: string; user: GitHubUser }>();
  const tokens = new Map<string, GitHubUser>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/login/oauth/authorize') {
      const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
      redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (decline) redirect.searchParams.set('error', 'access_denied');
      else {
        const code = randomBytes(10).toString('hex');
        codes.set(code, {
          challenge: url.searchParams.get('code_challenge') ?? '',
          redirectUri: redirect.origin + redirect.pathname,
          user,
        });
        redirect.searchParams.set('code', code);
      }
      return void res.writeHead(302, { location: redirect.href }).end();
    }
    if (url.pathname === '/login/oauth/access_token' && req.method === 'POST') {
      let text = '';
      for await (const chunk of req) text += chunk;
      const form = new URLSearchParams(text);
      const answer = (body: Record<string, string>) =>
        /application\/json/.test(req.headers.accept ?? '')
          ? json(200, body)
          : res
              .writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' })
              .end(new URLSearchParams(body).toString());
      if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
        return answer({
          error: 'incorrect_client_credentials',
          error_description: 'The client_id and/or client_secret passed are incorrect.',
        });
      }
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (grant === undefined)
        return answer({
          error: 'bad_verification_code',
          error_description: 'The code passed is incorrect or expired.',
        });
      if (form.get('redirect_uri') !== grant.redirectUri) return answer({ error: 'redirect_uri_mismatch' });
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (challenge !== grant.challenge)
        return answer({ error: 'invalid_grant', error_description: 'PKCE verification failed.' });
      const token = `gho_${randomBytes(16).toString('hex')}`;
      tokens.set(token, grant.user);
      return answer({ access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
    }
    // GitHub Enterprise Server serves its API under /api/v3 on the same host; github.com on api.github.com.
    if (url.pathname.startsWith('/api/v3/')) url.pathname = url.pathname.slice('/api/v3'.length);
    const who = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /i, ''));
    if (req.headers['user-agent'] === undefined)
      return json(403, {
        message:
          'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.',
      });
    if (who === undefined) return json(401, { message: 'Bad credentials' });
    if (url.pathname === '/user')
      return json(200, {
        id: who.id,
        login: who.login,
        name: who.name,
        avatar_url: `https://avatars.example/${who.id}`,
      });
    if (url.pathname === '/user/emails')
      return json(200, [{ email: who.email, primary: true, verified: true, visibility: 'private' }]);
    json(404, { message: 'Not Found' });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    signInAs(next: GitHubUser) {
      user = next;
    },
    declineNext(value: boolean) {
      decline = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

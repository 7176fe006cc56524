import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rawRequest } from '../support/raw-http.ts';
import { startGitHubProvider } from '../support/github-provider.ts';
import { freePort, startServe, type ServeProcess } from '../support/serve-process.ts';

const CLIENT = { clientId: 'Iv1.testclient', clientSecret: 'test-client-secret-0123456789' };
let provider: Awaited<ReturnType<typeof startGitHubProvider>>;
let server: ServeProcess;
let port = 0;

function env(secret = CLIENT.clientSecret): Record<string, string> {
  return {
    MCP_OAUTH_ENABLED: 'true',
    MCP_OAUTH_GITHUB_CLIENT_ID: CLIENT.clientId,
    MCP_OAUTH_GITHUB_CLIENT_SECRET: secret,
    MCP_OAUTH_GITHUB_BASE_URL: provider.url,
    MCP_OAUTH_GITHUB_API_URL: provider.url,
    MCP_OAUTH_REDIRECT_URI: `http://localhost:${port}/auth/oauth/callback`,
  };
}

const local = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(port, { path, headers: { host: `localhost:${port}`, ...headers } });

/** start -> GitHub's authorize -> the callback, as a browser would follow the redirects. */
async function signIn(): Promise<{ callbackPath: string; status: number; body: string; cookie: string }> {
  const start = await local('/auth/oauth/github/start');
  assert.equal(start.status, 302);
  const authorize = new URL(String(start.headers['location']));
  const approved = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(approved.headers.get('location') ?? '');
  const callbackPath = `${callback.pathname}${callback.search}`;
  const res = await local(callbackPath);
  return {
    callbackPath,
    status: res.status,
    body: res.body,
    cookie: String(res.headers['set-cookie'] ?? ''),
  };
}

before(async () => {
  provider = await startGitHubProvider(CLIENT);
  port = await freePort();
  server = await startServe({ args: ['--port', String(port), '--secret-store', 'file'], env: env() });
});
after(async () => {
  await server.stop();
  await provider.close();
});

describe('sign in with GitHub (against a local server with GitHub’s documented behaviour)', () => {
  test('/auth/oauth/login is a page, never a 404, listing GitHub', async () => {
    const res = await local('/auth/oauth/login');
    assert.equal(res.status, 200);
    assert.match(res.body, /href="\/auth\/oauth\/github\/start">Sign in with GitHub/);
  });

  test('a provider that is not set up says where to set it up', async () => {
    const res = await local('/auth/oauth/google/start');
    assert.equal(res.status, 404);
    assert.match(res.body, /Google sign-in is off/);
    assert.match(
      res.body,
      /in the dashboard’s Settings, under Sign-in \(or set MCP_OAUTH_ENABLED and MCP_OAUTH_GOOGLE_CLIENT_ID/,
    );
    assert.doesNotMatch((await local('/auth/oauth/login')).body, /google\/start/);
  });

  test('start sends the browser to GitHub with state and PKCE S256, and no secret in the URL', async () => {
    const res = await local('/auth/oauth/github/start');
    const url = new URL(String(res.headers['location']));
    assert.equal(url.origin + url.pathname, `${provider.url}/login/oauth/authorize`);
    assert.equal(url.searchParams.get('client_id'), CLIENT.clientId);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.match(url.searchParams.get('state') ?? '', /^[\w-]{43}$/);
    assert.match(url.searchParams.get('code_challenge') ?? '', /^[\w-]{43}$/);
    assert.ok(!url.href.includes(CLIENT.clientSecret));
  });

  test('the first account to sign in becomes the owner: a Lax, HttpOnly session and a page saying who', async () => {
    const result = await signIn();
    assert.equal(result.status, 200);
    assert.match(result.body, /Signed in as @octocat/);
    assert.match(result.body, /close this tab and return to MCP Tray/);
    assert.match(result.cookie, /^mcp_tray_session=[\w-]+\.[\w-]+\.[\w-]+; HttpOnly; SameSite=Lax; Path=\//);
    const cookie = result.cookie.split(';')[0] ?? '';
    const profile = await local('/api/user/profile', { cookie });
    assert.deepEqual(profile.json(), {
      subject: 'github:583231',
      login: 'octocat',
      name: 'The Octocat',
      email: 'octocat@example.com',
      avatarUrl: 'https://avatars.example/583231',
    });
    const jwt = cookie.slice('mcp_tray_session='.length);
    assert.equal((await local('/api/user/profile', { authorization: `Bearer ${jwt}` })).status, 200);
    assert.equal((await local('/api/user/profile')).status, 401);
    // The GitHub session opens the dashboard too.
    const status = await rawRequest(port, {
      method: 'POST',
      path: '/api/invoke/server.status',
      headers: {
        host: `localhost:${port}`,
        cookie,
        'x-mcp-tray-request': '1',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    assert.equal(status.status, 200);
    assert.ok(!server.stderr().includes(CLIENT.clientSecret), 'the client secret never reaches the log');
  });

  test('a replayed callback, an unknown state and a missing state are refused and store nothing', async () => {
    provider.signInAs({ id: 1, login: 'replayer', name: 'R', email: 'r@example.com' });
    const first = await signIn();
    const replay = await local(first.callbackPath);
    assert.equal(replay.status, 400);
    assert.match(replay.body, /This sign-in link expired/);
    assert.equal(replay.headers['set-cookie'], undefined);
    assert.equal((await local('/auth/oauth/callback?code=x&state=forged')).status, 400);
    assert.equal((await local('/auth/oauth/callback?code=x')).status, 400);
  });

  test('a second identity, not on the owner list, gets a clear "not allowed" and no session', async () => {
    provider.signInAs({ id: 42, login: 'mallory', name: 'Mallory', email: 'm@example.com' });
    const result = await signIn();
    assert.equal(result.status, 403);
    assert.match(result.body, /@mallory is not on this MCP Tray's owner list/);
    assert.equal(result.cookie, '');
  });

  test('declining at GitHub says so', async () => {
    provider.declineNext(true);
    const result = await signIn();
    provider.declineNext(false);
    assert.equal(result.status, 400);
    assert.match(result.body, /You declined the sign-in at GitHub/);
  });

  test('a session signed with another key is refused', async () => {
    const { SignJWT, generateKeyPair } = await import('jose');
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('mcp-tray')
      .setAudience('mcp-tray-dashboard')
      .setSubject('github:583231')
      .setExpirationTime('1h')
      .sign(privateKey);
    assert.equal((await local('/api/user/profile', { authorization: `Bearer ${forged}` })).status, 401);
  });
});

describe('a wrong client secret', () => {
  test('the page says which setting to check', async () => {
    const wrongPort = await freePort();
    const saved = port;
    port = wrongPort;
    const wrong = await startServe({
      args: ['--port', String(wrongPort), '--secret-store', 'file'],
      env: env('not-the-secret'),
    });
    try {
      const result = await signIn();
      assert.equal(result.status, 400);
      assert.match(
        result.body,
        /GitHub refused the client ID or secret\. Check them in Settings, under Sign-in \(or MCP_OAUTH_GITHUB_CLIENT_ID and MCP_OAUTH_GITHUB_CLIENT_SECRET\)/,
      );
    } finally {
      await wrong.stop();
      port = saved;
    }
  });
});

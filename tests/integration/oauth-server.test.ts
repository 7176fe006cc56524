import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importJWK, SignJWT, type JWK } from 'jose';
import {
  authorize,
  listToolsWith,
  pkcePair,
  REDIRECT_URI,
  register,
  token,
  tokensFor,
} from '../support/oauth-flow.ts';
import { FULL_KEY, freePort, startServe, WHOAMI_KEY, type ServeProcess } from '../support/serve-process.ts';

// The authorization server's refusals, each as a client (or an attacker) meets it over a real socket:
// `serve --public-url http://localhost:<port>` with keys from MCP_API_KEYS, its secrets in a file so that
// the test can sign tokens with the server's own key (expired, or for another audience).
let serve: ServeProcess;
let origin = '';
let dataDir = '';

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-oauth-neg-'));
  const port = await freePort();
  origin = `http://localhost:${port}`;
  serve = await startServe({
    dataDir,
    args: ['--port', String(port), '--public-url', origin, '--secret-store', 'file'],
  });
});
after(async () => {
  await serve.stop();
});

const callMcp = (accessToken: string) => listToolsWith(`${origin}/mcp`, accessToken);

async function serverKey() {
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
  const saved = Object.entries(secrets).find(([name]) => name.includes('oauth-signing-key'))?.[1];
  assert.ok(saved, 'the signing key is in the secret store');
  return importJWK(JSON.parse(saved) as JWK, 'ES256');
}

describe('discovery and registration', () => {
  test('the 401 from /mcp names the protected-resource metadata, which names this issuer', async () => {
    const res = await fetch(`${origin}/mcp`, { method: 'POST', body: '{}' });
    assert.equal(res.status, 401);
    assert.equal(
      res.headers.get('www-authenticate'),
      `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp", scope="mcp offline_access"`,
    );
    for (const path of [
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-protected-resource/mcp',
    ]) {
      const prm = (await (await fetch(`${origin}${path}`)).json()) as Record<string, unknown>;
      assert.equal(prm['resource'], `${origin}/mcp`);
      assert.deepEqual(prm['authorization_servers'], [origin]);
      assert.deepEqual(prm['bearer_methods_supported'], ['header']);
    }
    const as = (await (await fetch(`${origin}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      unknown
    >;
    assert.equal(as['issuer'], origin);
    assert.deepEqual(as['code_challenge_methods_supported'], ['S256']);
    assert.ok((as['token_endpoint_auth_methods_supported'] as string[]).includes('none'));
    assert.equal(as['client_id_metadata_document_supported'], true);
    assert.equal(as['authorization_response_iss_parameter_supported'], true);
  });

  test('registration takes bodies with and without scope (ChatGPT sends none, the SDK "mcp offline_access")', async () => {
    assert.equal((await register(origin)).status, 201);
    assert.equal((await register(origin, { scope: 'mcp offline_access' })).status, 201);
  });

  test('a registration nested thousands of levels deep gets 400 invalid_client_metadata, never a 500', async () => {
    const deep = `{"client_name":"x","redirect_uris":["http://127.0.0.1:9/cb"],"extra":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const res = await fetch(`${origin}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: string }).error, 'invalid_client_metadata');
  });

  test('on 127.0.0.1 (not the public URL, no --oauth-local) OAuth stays off: 404 JSON and a plain challenge', async () => {
    const loopback = `http://127.0.0.1:${serve.port}`;
    const res = await fetch(`${loopback}/.well-known/oauth-protected-resource/mcp`);
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: string }).error, 'oauth_not_enabled');
    const challenge = (await fetch(`${loopback}/mcp`, { method: 'POST' })).headers.get('www-authenticate');
    assert.equal(challenge, 'Bearer realm="MCP Tray"');
  });
});

describe('the authorization code flow and its refusals', () => {
  test('a code is single-use, PKCE must match, and the resource must be this /mcp', async () => {
    const { client } = await register(origin);
    const { verifier, challenge } = pkcePair();
    const params = await authorize(origin, { clientId: client.client_id, challenge, key: FULL_KEY });
    assert.equal(params.get('iss'), origin);
    const code = params.get('code') ?? '';
    const base = {
      grant_type: 'authorization_code',
      code,
      client_id: client.client_id,
      redirect_uri: REDIRECT_URI,
    };
    const wrongPkce = await token(origin, { ...base, code_verifier: pkcePair().verifier });
    assert.equal(wrongPkce.body['error'], 'invalid_grant');
    const wrongResource = await token(origin, {
      ...base,
      code_verifier: verifier,
      resource: 'http://localhost:1/mcp',
    });
    assert.equal(wrongResource.body['error'], 'invalid_target');

    const second = await authorize(origin, { clientId: client.client_id, challenge, key: FULL_KEY });
    const fresh = { ...base, code: second.get('code') ?? '', code_verifier: verifier };
    const ok = await token(origin, { ...fresh, resource: `${origin}/mcp` });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body['token_type'], 'Bearer');
    assert.equal(ok.body['expires_in'], 3600);
    const reused = await token(origin, { ...fresh, resource: `${origin}/mcp` });
    assert.equal(reused.body['error'], 'invalid_grant');
  });

  test('Deny sends access_denied back to the client; a wrong key gets the page again, not a code', async () => {
    const { client } = await register(origin);
    const denied = await authorize(origin, {
      clientId: client.client_id,
      challenge: pkcePair().challenge,
      action: 'deny',
    });
    assert.equal(denied.get('error'), 'access_denied');
    await assert.rejects(
      authorize(origin, { clientId: client.client_id, challenge: pkcePair().challenge, key: 'mcp_sk_wrong' }),
      /400 .*That key is not known/s,
    );
  });

  test('a loopback redirect URI takes any port (RFC 8252); another path or host is still refused', async () => {
    const { client } = await register(origin);
    const elsewhere = 'http://127.0.0.1:5555/callback';
    const params = await authorize(origin, {
      clientId: client.client_id,
      challenge: pkcePair().challenge,
      key: FULL_KEY,
      redirectUri: elsewhere,
    });
    assert.ok(params.get('code'), 'the code came back to the other port');
    for (const redirect of ['http://127.0.0.1:5555/other', 'http://10.0.0.1:9/callback']) {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: client.client_id,
        redirect_uri: redirect,
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
      });
      const res = await fetch(`${origin}/authorize?${query}`, { redirect: 'manual' });
      assert.equal(res.status, 400, redirect);
      await res.body?.cancel();
    }
  });

  test('a redirect URI that was not registered gets an error page, never a redirect', async () => {
    const { client } = await register(origin);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: 'https://evil.example/steal',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    const res = await fetch(`${origin}/authorize?${query}`, { redirect: 'manual' });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('location'), null);
    assert.match(await res.text(), /redirect_uri/);
  });

  test('a client ID metadata document on a private address is never fetched', async () => {
    for (const clientId of [`https://127.0.0.1:${serve.port}/client.json`, 'https://localhost/client.json']) {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: REDIRECT_URI,
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
      });
      const res = await fetch(`${origin}/authorize?${query}`, { redirect: 'manual' });
      assert.equal(res.headers.get('location'), null, clientId);
      assert.match(await res.text(), /private address|local name/, clientId);
    }
  });
});

describe('access tokens at /mcp', () => {
  test('a token works as its grant: the key that approved it, with that key permissions', async () => {
    const { client } = await register(origin);
    const { access_token } = await tokensFor(origin, client.client_id, WHOAMI_KEY);
    const res = await callMcp(access_token);
    assert.equal(res.status, 200, await res.clone().text());
    assert.match(await res.text(), /whoami/);
  });

  test('a request without scope gets everything: refresh tokens only for clients registered for them', async () => {
    const { client: plain } = await register(origin, { grant_types: ['authorization_code'] });
    const without = await tokensFor(origin, plain.client_id, FULL_KEY);
    assert.equal(without.refresh_token, undefined);
    assert.equal((await callMcp(without.access_token)).status, 200);
    const { client } = await register(origin);
    assert.equal(typeof (await tokensFor(origin, client.client_id, FULL_KEY)).refresh_token, 'string');
  });

  test('refresh tokens rotate; reusing a rotated one ends the whole family', async () => {
    const { client } = await register(origin);
    const first = await tokensFor(origin, client.client_id, FULL_KEY);
    const refresh = (refresh_token: string) =>
      token(origin, { grant_type: 'refresh_token', refresh_token, client_id: client.client_id });
    const second = await refresh(first.refresh_token);
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.notEqual(second.body['refresh_token'], first.refresh_token);
    assert.equal((await refresh(first.refresh_token)).body['error'], 'invalid_grant');
    assert.equal((await refresh(String(second.body['refresh_token']))).body['error'], 'invalid_grant');
    assert.equal((await callMcp(String(second.body['access_token']))).status, 401);
  });

  test('tampered, expired, foreign-audience and other-issuer tokens get 401 invalid_token', async () => {
    const { client } = await register(origin);
    const { access_token, refresh_token } = await tokensFor(origin, client.client_id, FULL_KEY);
    const [head, body, signature] = access_token.split('.');
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...claims, sub: 'key:env:other' })).toString('base64url')}.${signature}`;
    const key = await serverKey();
    const sign = (changes: Record<string, unknown>) =>
      new SignJWT({ ...claims, ...changes }).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' }).sign(key);
    const expired = await sign({ exp: Math.floor(Date.now() / 1000) - 60 });
    const foreign = await sign({ aud: 'https://other.example/mcp' });
    for (const [what, bad] of [
      ['tampered', tampered],
      ['expired', expired],
      ['for another audience', foreign],
    ] as const) {
      const res = await callMcp(bad);
      assert.equal(res.status, 401, what);
      assert.equal(((await res.json()) as { error: string }).error, 'invalid_token', what);
      assert.match(String(res.headers.get('www-authenticate')), /resource_metadata=/, what);
    }
    assert.equal((await callMcp(access_token)).status, 200);
    // The refresh token revoked at /revoke (RFC 7009) ends the grant, so the access token stops too.
    const revoked = await fetch(`${origin}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refresh_token, client_id: client.client_id }).toString(),
    });
    assert.equal(revoked.status, 200);
    assert.equal((await callMcp(access_token)).status, 401);
  });
});

describe('what the server printed meanwhile', () => {
  test('stdout is its URL alone; the log has no notice of oidc-provider and no key', () => {
    assert.deepEqual(serve.stdout().trim().split('\n'), [serve.url]);
    assert.doesNotMatch(serve.stderr(), /oidc-provider/);
    for (const key of [FULL_KEY, WHOAMI_KEY]) assert.ok(!serve.stderr().includes(key));
  });
});

describe('serve --oauth-local', () => {
  test('OAuth answers on 127.0.0.1 and localhost, each as its own issuer', async () => {
    const local = await startServe({ args: ['--oauth-local'] });
    try {
      for (const host of ['127.0.0.1', 'localhost']) {
        const at = `http://${host}:${local.port}`;
        const res = await fetch(`${at}/.well-known/oauth-authorization-server`);
        assert.equal(res.status, 200, host);
        assert.equal(((await res.json()) as { issuer: string }).issuer, at);
      }
    } finally {
      await local.stop();
    }
  });
});

describe('guessing keys on the approval page', () => {
  test('wrong keys there count towards the same lockout as on /mcp: the page, then /mcp, say to wait', async () => {
    const port = await freePort();
    const at = `http://localhost:${port}`;
    const guarded = await startServe({ args: ['--port', String(port), '--public-url', at] });
    try {
      const { client } = await register(at);
      let last = '';
      for (let i = 0; i < 22; i += 1) {
        const attempt = authorize(at, {
          clientId: client.client_id,
          challenge: pkcePair().challenge,
          key: `mcp_guess_${i}_0123456789abcdefghijkl`,
        });
        last = await attempt.then(
          () => 'approved',
          (error: Error) => error.message,
        );
      }
      assert.match(last, /Too many wrong keys were tried; try again in \d+ seconds/);
      const locked = await fetch(`${at}/mcp`, { method: 'POST', headers: { 'x-api-key': FULL_KEY } });
      assert.equal(locked.status, 429);
      // Even the right key waits on the page: a guesser cannot tell a hit from the lockout.
      const right = await authorize(at, {
        clientId: client.client_id,
        challenge: pkcePair().challenge,
        key: FULL_KEY,
      }).then(
        () => 'approved',
        (error: Error) => error.message,
      );
      assert.match(right, /Too many wrong keys/);
    } finally {
      await guarded.stop();
    }
  });
});

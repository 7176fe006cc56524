import { createHash, randomBytes } from 'node:crypto';

/** An OAuth client driven by hand with fetch (a browser's cookie jar included), for the cases SDKs avoid. */
export interface RegisteredClient {
  client_id: string;
  redirect_uris: string[];
}

export const REDIRECT_URI = 'http://127.0.0.1:9/callback';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export async function register(
  origin: string,
  body: Record<string, unknown> = {},
): Promise<{ status: number; client: RegisteredClient }> {
  const res = await fetch(`${origin}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Hand Client',
      redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      ...body,
    }),
  });
  return { status: res.status, client: (await res.json()) as RegisteredClient };
}

/** A browser's cookies, as far as these flows need them (one host, paths ignored). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair !== undefined && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface AuthorizeOptions {
  clientId: string;
  challenge: string;
  key?: string;
  action?: 'approve' | 'deny';
  redirectUri?: string;
  extra?: Record<string, string>;
}

/** Builds the authorization request and walks it (see followAuthorization). */
export function authorize(origin: string, options: AuthorizeOptions): Promise<URLSearchParams> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri ?? REDIRECT_URI,
    code_challenge: options.challenge,
    code_challenge_method: 'S256',
    state: 'st4te',
    ...options.extra,
  });
  return followAuthorization(`${origin}/authorize?${query}`, options).then((url) => url.searchParams);
}

/**
 * Walks an authorization URL, the consent page and its answer as a browser would (following redirects,
 * keeping cookies) up to the redirect back to the client, which it returns (not followed).
 */
export async function followAuthorization(
  start: string,
  options: Pick<AuthorizeOptions, 'key' | 'action' | 'redirectUri'>,
): Promise<URL> {
  const jar = new CookieJar();
  const back = options.redirectUri ?? new URL(start).searchParams.get('redirect_uri') ?? REDIRECT_URI;
  let url = start;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop += 1) {
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body !== undefined && {
          'content-type': 'application/x-www-form-urlencoded',
          origin: new URL(url).origin,
        }),
      },
      ...(body !== undefined && { body }),
    });
    jar.take(res);
    const location = res.headers.get('location');
    if (location !== null) {
      const next = new URL(location, url);
      if (next.href.startsWith(back)) return next;
      [url, method, body] = [next.href, 'GET', undefined];
      continue;
    }
    if (res.status === 200 && new URL(url).pathname.startsWith('/consent/')) {
      await res.text();
      const answer = { action: options.action ?? 'approve', key: options.key ?? '' };
      [method, body] = ['POST', new URLSearchParams(answer).toString()];
      continue;
    }
    throw new Error(`the flow stopped at ${method} ${url}: ${res.status} ${await res.text()}`);
  }
  throw new Error('too many redirects');
}

export async function token(
  origin: string,
  params: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${origin}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Code, PKCE and token in one: the tokens a client gets after approval with `key`. */
export async function tokensFor(origin: string, clientId: string, key: string) {
  const { verifier, challenge } = pkcePair();
  const params = await authorize(origin, { clientId, challenge, key });
  const code = params.get('code');
  if (code === null) throw new Error(`no code: ${params}`);
  const answer = await token(origin, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    resource: `${origin}/mcp`,
  });
  if (answer.status !== 200) throw new Error(`token: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { access_token: string; refresh_token: string };
}

/** A tools/list on `mcpUrl` with an access token, straight over HTTP. */
export function listToolsWith(mcpUrl: string, accessToken: string): Promise<Response> {
  return fetch(mcpUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
  });
}

import {
  Client,
  StreamableHTTPClientTransport,
  UnauthorizedError,
  type OAuthClientProvider,
  type OAuthDiscoveryState,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
} from '@modelcontextprotocol/client';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the authorization's answer came back: the callback URL's parameters. */
export interface Callback {
  params: URLSearchParams;
}

/**
 * What the SDK client needs to do OAuth, kept in memory as a desktop client keeps it on disk, with a real
 * loopback redirect URI (RFC 8252) whose requests are caught here.
 */
export class MemoryOAuthClient implements OAuthClientProvider {
  info: StoredOAuthClientInformation | undefined;
  saved: StoredOAuthTokens | undefined;
  verifier = '';
  discovery: OAuthDiscoveryState | undefined;
  /** The authorization URL the SDK asked the user agent to open. */
  authorizationUrl: URL | undefined;
  private readonly callbackServer: Server;
  private readonly name: string;
  private waiting: ((callback: Callback) => void) | undefined;

  private constructor(server: Server, name: string) {
    this.callbackServer = server;
    this.name = name;
    server.on('request', (req, res) => {
      const params = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('You can close this window.');
      this.waiting?.({ params });
    });
  }

  static async start(name = 'OAuth Test Client'): Promise<MemoryOAuthClient> {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new MemoryOAuthClient(server, name);
  }

  get redirectUrl(): string {
    return `http://127.0.0.1:${(this.callbackServer.address() as AddressInfo).port}/callback`;
  }

  get clientMetadata() {
    return {
      client_name: this.name,
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: StoredOAuthClientInformation) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: StoredOAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveDiscoveryState(state: OAuthDiscoveryState) {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }

  /** The next request to the redirect URI. */
  nextCallback(): Promise<Callback> {
    return new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    this.callbackServer.close();
  }
}

/** Connects the SDK client: resolves connected, or with the authorization URL when it must ask the user. */
export async function connectWithOAuth(
  url: string,
  provider: MemoryOAuthClient,
): Promise<
  | { client: Client; transport: StreamableHTTPClientTransport }
  | { authorize: URL; transport: StreamableHTTPClientTransport }
> {
  const transport = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
  const client = new Client({ name: 'oauth-e2e', version: '1.0.0' });
  try {
    await client.connect(transport);
    return { client, transport };
  } catch (error) {
    if (!(error instanceof UnauthorizedError) || provider.authorizationUrl === undefined) throw error;
    const authorize = provider.authorizationUrl;
    provider.authorizationUrl = undefined;
    return { authorize, transport };
  }
}

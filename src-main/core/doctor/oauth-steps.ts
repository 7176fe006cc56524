import type { DoctorStep } from '../../../src-shared/doctor-view.ts';

type Get = (url: string, init?: RequestInit) => Promise<Response>;

/** What ChatGPT registers with: no scope, its own redirect URI, refresh tokens. */
const CHATGPT_LIKE_REGISTRATION = {
  client_name: 'MCP Tray doctor',
  redirect_uris: ['https://chatgpt.com/connector_platform_oauth_redirect'],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  token_endpoint_auth_method: 'none',
};

const UPDATE = 'Check that this address leads to MCP Tray (and that it is up to date).';

async function json(res: Response): Promise<Record<string, unknown> | undefined> {
  if (!(res.headers.get('content-type') ?? '').includes('json')) return undefined;
  const body = (await res.json().catch(() => undefined)) as unknown;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
}

/**
 * The OAuth part of the walk, as ChatGPT and Claude go: the 401's challenge names the protected-resource
 * metadata, which names this resource and its authorization server, whose metadata has the same issuer,
 * registration takes ChatGPT's body, client ID metadata documents are offered, and the token endpoint answers
 * as OAuth does. Stops at the first failure.
 */
export async function walkOAuth(origin: string, challenge: string | null, get: Get): Promise<DoctorStep[]> {
  const steps: DoctorStep[] = [];
  const fail = (name: string, detail: string, fix: string) => {
    steps.push({ name, outcome: 'fail', detail, fix });
    return steps;
  };
  const pass = (name: string, detail: string) => void steps.push({ name, outcome: 'pass', detail });
  const prmUrl = /resource_metadata="([^"]+)"/.exec(challenge ?? '')?.[1];
  if (prmUrl === undefined)
    return fail(
      'challenge names OAuth',
      `The 401 challenge has no resource_metadata (${challenge ?? 'none'}): ChatGPT and Claude would not start OAuth.`,
      UPDATE,
    );
  pass('challenge names OAuth', `WWW-Authenticate points at ${prmUrl}.`);
  const prm = await json(await get(prmUrl));
  const resource = `${origin}/mcp`;
  const servers = prm?.['authorization_servers'];
  if (prm?.['resource'] !== resource || !Array.isArray(servers) || typeof servers[0] !== 'string')
    return fail(
      'protected resource metadata',
      `${prmUrl} should name the resource ${resource} and its authorization server; it says ${JSON.stringify(prm ?? null).slice(0, 200)}.`,
      'The public URL set in MCP Tray must be exactly this address: set it again (Settings).',
    );
  const issuer = servers[0];
  pass('protected resource metadata', `Resource ${resource}, authorization server ${issuer}.`);
  const as = await json(await get(`${issuer}/.well-known/oauth-authorization-server`));
  if (as === undefined)
    return fail(
      'authorization server metadata',
      `${issuer}/.well-known/oauth-authorization-server gave no JSON.`,
      UPDATE,
    );
  pass('authorization server metadata', `Found at ${issuer}/.well-known/oauth-authorization-server.`);
  if (as['issuer'] !== issuer)
    return fail(
      'issuer matches',
      `The metadata says issuer ${String(as['issuer'])}, not ${issuer}: clients refuse a mismatch (a trailing slash counts).`,
      'Set the public URL again without a path or trailing slash (Settings).',
    );
  pass('issuer matches', `Issuer ${issuer}, exactly.`);
  const registration = await get(String(as['registration_endpoint']), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(CHATGPT_LIKE_REGISTRATION),
  });
  const registered = await json(registration);
  if (registration.status !== 201 || typeof registered?.['client_id'] !== 'string')
    return fail(
      'dynamic registration',
      `Registering as ChatGPT does (no scope) gave HTTP ${registration.status}.`,
      UPDATE,
    );
  pass('dynamic registration', 'A client registered as ChatGPT does (no scope).');
  steps.push({
    name: 'client ID metadata documents',
    outcome: as['client_id_metadata_document_supported'] === true ? 'pass' : 'fail',
    detail: `client_id_metadata_document_supported: ${String(as['client_id_metadata_document_supported'])}.`,
    ...(as['client_id_metadata_document_supported'] !== true && { fix: UPDATE }),
  });
  const token = await get(String(as['token_endpoint']), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: 'doctor-check',
      client_id: String(registered['client_id']),
      code_verifier: 'doctor-check-verifier-doctor-check-verifier-0000',
    }).toString(),
  });
  const answer = await json(token);
  const answersOAuth = token.status === 400 && typeof answer?.['error'] === 'string';
  steps.push({
    name: 'token endpoint',
    outcome: answersOAuth ? 'pass' : 'fail',
    detail: `A made-up code gave HTTP ${token.status}${answersOAuth ? ` ${String(answer['error'])}, as it should` : ''}.`,
    ...(!answersOAuth && { fix: UPDATE }),
  });
  return steps;
}

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { rawRequest } from '../support/raw-http.ts';
import { pathOf, webDashboardDuringTests } from '../support/web-dashboard-session.ts';
import { runCli } from '../support/serve-process.ts';

// The security regression set for the dashboard's door: CSRF on /api, tampered session cookies, login links
// used twice or altered, and path traversal on the static routes (encoded forms too). The file ends with a
// scan: no secret it made (keys, login tokens, session cookies) is in any file of the data folder but the
// secrets file, nor in what serve printed.
const web = webDashboardDuringTests(['--public-url', 'https://tray.example.com']);
const other = webDashboardDuringTests();
const { invoke } = web;
const made: string[] = [];
const keyCount = async () => ((await invoke('keys.list')).json() as unknown[]).length;

async function loginLink(): Promise<string> {
  const link = await runCli(['dashboard', '--port', String(web.server().port), '--data-dir', web.dataDir()]);
  const path = pathOf(link.stdout.trim());
  made.push(new URLSearchParams(path.split('?')[1]).get('token') ?? '');
  return path;
}

describe('CSRF on /api: a mutation without the dashboard’s own marks changes nothing', () => {
  const attempts: [string, Record<string, string>][] = [
    ['without the X-MCP-Tray-Request header', { 'x-mcp-tray-request': '' }],
    ['with the header set to another value', { 'x-mcp-tray-request': 'true' }],
    [
      'as an HTML form would post it',
      { 'x-mcp-tray-request': '', 'content-type': 'application/x-www-form-urlencoded' },
    ],
    ['as text/plain (a no-preflight fetch)', { 'x-mcp-tray-request': '', 'content-type': 'text/plain' }],
    ['from a foreign origin, header and all', { origin: 'https://evil.com' }],
    ['from the opaque origin null', { origin: 'null' }],
    ['through the public host', { host: 'tray.example.com' }],
  ];
  for (const [name, headers] of attempts) {
    test(name, async () => {
      const before = await keyCount();
      const res = await invoke('keys.create', { name: 'Forged', permissions: ['*'] }, headers);
      assert.ok([403, 404].includes(res.status), `${res.status} ${res.body}`);
      assert.doesNotMatch(res.body, /mcp_sk_/);
      assert.equal(await keyCount(), before, 'no key was made');
    });
  }

  test('a preflight from a foreign origin is refused, so no page can send the header', async () => {
    const res = await rawRequest(web.server().port, {
      method: 'OPTIONS',
      path: '/api/invoke/keys.create',
      headers: {
        origin: 'https://evil.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-mcp-tray-request, content-type',
      },
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });

  test('the same call with the marks makes the key (the refusals above were not for another reason)', async () => {
    const res = await invoke('keys.create', { name: 'Genuine', permissions: ['*'] });
    assert.equal(res.status, 200, res.body);
    made.push((res.json() as { secret: string }).secret);
  });
});

describe('session cookies: any change to one is refused', () => {
  const part = (index: number) => (web.cookie().split('=')[1] ?? '').split('.')[index] ?? '';
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = () => JSON.parse(Buffer.from(part(1), 'base64url').toString()) as Record<string, unknown>;
  const forms: [string, () => string | Promise<string>][] = [
    ['a signature with one character changed', () => `${part(0)}.${part(1)}.${flip(part(2))}`],
    [
      'claims rewritten to live for ever, signature kept',
      () => `${part(0)}.${b64({ ...claims(), exp: 4e9 })}.${part(2)}`,
    ],
    ['an unsigned token (alg none)', () => `${b64({ alg: 'none' })}.${part(1)}.`],
    ['the signature dropped', () => `${part(0)}.${part(1)}`],
    ['a symmetric algorithm claimed (alg HS256)', () => `${b64({ alg: 'HS256' })}.${part(1)}.${part(2)}`],
    ['a valid session of another MCP Tray', async () => (await other.freshSession()).split('=')[1] ?? ''],
    ['the value padded with spaces', () => ` ${part(0)}.${part(1)}.${part(2)} `],
  ];
  for (const [name, value] of forms) {
    test(name, async () => {
      const res = await invoke('keys.list', {}, { cookie: `mcp_tray_session=${await value()}` });
      assert.equal(res.status, 401, res.body);
      assert.equal((res.json() as { error: string }).error, 'not_signed_in');
    });
  }

  test('the untouched cookie is served (the forms above were refused for their change)', async () => {
    made.push(web.cookie().split('=')[1] ?? '');
    assert.equal((await invoke('keys.list')).status, 200);
  });
});

describe('login links sign in once, here, unaltered', () => {
  test('a link used a second time signs no one in', async () => {
    const path = await loginLink();
    const first = await rawRequest(web.server().port, { path });
    assert.match(String(first.headers['set-cookie']), /^mcp_tray_session=/);
    made.push(String(first.headers['set-cookie']).split(';')[0]?.split('=')[1] ?? '');
    const again = await rawRequest(web.server().port, { path });
    assert.equal(again.headers['set-cookie'], undefined);
    assert.equal(again.headers['location'], '/?signin=expired');
  });

  test('an altered link signs no one in', async () => {
    const path = await loginLink();
    const token = new URLSearchParams(path.split('?')[1]).get('token') ?? '';
    const altered = await rawRequest(web.server().port, { path: path.replace(token, flip(token)) });
    assert.equal(altered.headers['set-cookie'], undefined);
  });

  test('a link opened through the public host signs no one in, there or later here', async () => {
    const path = await loginLink();
    const remote = await rawRequest(web.server().port, { path, headers: { host: 'tray.example.com' } });
    assert.equal(remote.headers['set-cookie'], undefined);
    assert.equal(remote.status, 404);
  });
});

describe('path traversal on the static routes', () => {
  const forms = [
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/assets/..%5c..%5c..%5c..%5cetc%5cpasswd',
    '/assets/%252e%252e/%252e%252e/%252e%252e/etc/passwd',
    '/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '/assets/....//....//....//etc/passwd',
    '/index.html%00.css',
    '/login-tokens.json',
    '/keys.json',
  ];
  for (const path of forms) {
    test(path, async () => {
      for (const target of [path, path.replace('/etc/passwd', `${web.dataDir()}/keys.json`)]) {
        const res = await rawRequest(web.server().port, { path: target, headers: { cookie: web.cookie() } });
        assert.doesNotMatch(res.body, /root:.*:0:0:|"keys"\s*:/, `${target} answered ${res.status}`);
        assert.ok(res.status === 404 || res.status === 400 || res.status === 403, `${target}: ${res.status}`);
      }
    });
  }
});

test('no secret made here is in a file of the data folder (but secrets.json) or in what serve printed', () => {
  const secrets = made.filter((secret) => secret.length >= 20);
  assert.ok(secrets.length >= 5, `${secrets.length} secrets to look for`);
  const files = filesUnder(web.dataDir()).filter((file) => !file.endsWith('/secrets.json'));
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (const secret of secrets) assert.ok(!text.includes(secret), `${file} holds a secret`);
  }
  // serve prints one sign-in link at start, by design; the links made here came from the CLI, never from serve.
  const printed = web.server().stdout() + web.server().stderr();
  for (const secret of secrets) assert.ok(!printed.includes(secret), 'serve printed a secret');
  console.log(`secrets scan: ${secrets.length} secrets, ${files.length} files, 0 found`);
});

/**
 * `text` with its middle character changed. Not the last: base64url's last character carries padding bits,
 * and changing only those gives the very same bytes (a token that is still valid, not a tampered one).
 */
function flip(text: string): string {
  const at = Math.floor(text.length / 2);
  return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

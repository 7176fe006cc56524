import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JSON_RPC_HEADERS, rawExchange, rawRequest, rpcPayload } from '../support/raw-http.ts';
import { FULL_KEY, serveDuringTests } from '../support/serve-process.ts';

// The security regression set for what a web page can make a browser send: DNS rebinding (the Host forms a
// rebinding page or a proxy trick produces) and cross-origin requests (the Origin forms browsers and
// extensions send). Each form is its own test, against a real serve with a public URL, on /mcp with a
// valid key: a refusal must hold even for a request that would otherwise be served.
const server = serveDuringTests({ args: ['--public-url', 'https://tray.example.com'] });
const TOOLS_LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

function mcp(headers: Record<string, string>, path = '/mcp') {
  return rawRequest(server().port, {
    method: 'POST',
    path,
    headers: { ...JSON_RPC_HEADERS, 'x-api-key': FULL_KEY, ...headers },
    body: TOOLS_LIST,
  });
}

/** The same request as raw HTTP/1.1 text with the given Host lines, for forms no HTTP client will send. */
function mcpText(hostLines: string): string {
  return (
    `POST /mcp HTTP/1.1\r\n${hostLines}X-API-Key: ${FULL_KEY}\r\nContent-Type: application/json\r\n` +
    `Accept: application/json, text/event-stream\r\nContent-Length: ${TOOLS_LIST.length}\r\n` +
    `Connection: close\r\n\r\n${TOOLS_LIST}`
  );
}

function assertRefused(res: { status: number; body: string; json: () => unknown }, code: string): void {
  assert.equal(res.status, 403, res.body);
  assert.equal((res.json() as { error: string }).error, code);
  assert.doesNotMatch(res.body, /"tools"/, 'no tool list leaks out with the refusal');
}

test('the baseline: the same request from a loopback Host, without Origin, is served', async () => {
  const res = await mcp({});
  assert.equal(res.status, 200, res.body);
  assert.ok(Array.isArray(rpcPayload(res.body).result?.['tools']));
});

describe('DNS rebinding: every foreign Host form is refused with forbidden_host', () => {
  const port = () => server().port;
  const forms: [string, () => string][] = [
    ['a foreign name', () => 'evil.com'],
    ['a foreign name with our port', () => `evil.com:${port()}`],
    ['a wildcard-DNS name that resolves to 127.0.0.1', () => `127.0.0.1.nip.io:${port()}`],
    ['localhost as a subdomain of a foreign name', () => `localhost.evil:${port()}`],
    ['a foreign name that ends in localhost', () => `evillocalhost:${port()}`],
    ['localhost with a trailing dot', () => `localhost.:${port()}`],
    ['127.0.0.1 with a trailing dot', () => `127.0.0.1.:${port()}`],
    ['the public host with a trailing dot', () => 'tray.example.com.'],
    ['a foreign name in capitals', () => `EVIL.COM:${port()}`],
    ['a loopback name on another port', () => `127.0.0.1:${port() + 1}`],
    ['a loopback name without the port', () => '127.0.0.1'],
    ['another loopback address', () => `127.0.0.2:${port()}`],
    ['the unspecified address', () => `0.0.0.0:${port()}`],
    ['an IPv4-mapped IPv6 loopback', () => `[::ffff:127.0.0.1]:${port()}`],
    ['a decimal-encoded 127.0.0.1', () => `2130706433:${port()}`],
    ['userinfo before a loopback name', () => `evil.com@127.0.0.1:${port()}`],
  ];
  for (const [name, host] of forms) {
    test(name, async () => assertRefused(await mcp({ host: host() }), 'forbidden_host'));
  }

  test('an empty Host, and none at all', async () => {
    for (const host of ['Host: \r\n', '']) {
      const res = await rawExchange(port(), mcpText(host));
      assert.ok(res.status === 403 || res.status === 400, `${JSON.stringify(host)}: ${res.status}`);
      assert.doesNotMatch(res.body, /"tools"/);
    }
  });

  test('loopback names in other letter cases are the same names, and served', async () => {
    assert.equal((await mcp({ host: `LocalHost:${port()}` })).status, 200);
  });

  test('an absolute-form target naming a foreign host is refused, even with a loopback Host', async () => {
    assertRefused(await mcp({}, `http://evil.com:${port()}/mcp`), 'forbidden_host');
    assertRefused(await mcp({}, `http://127.0.0.1.nip.io:${port()}/mcp`), 'forbidden_host');
  });

  test('an absolute-form target naming us is served as its path', async () => {
    assert.equal((await mcp({}, `http://127.0.0.1:${port()}/mcp`)).status, 200);
  });

  test('two Host headers are refused (400 duplicate_host), the good one first or second', async () => {
    for (const hosts of [
      [`127.0.0.1:${port()}`, 'evil.com'],
      ['evil.com', `127.0.0.1:${port()}`],
      [`127.0.0.1:${port()}`, `127.0.0.1:${port()}`],
    ]) {
      const res = await rawExchange(port(), mcpText(`Host: ${hosts[0]}\r\nHost: ${hosts[1]}\r\n`));
      assert.equal(res.status, 400, hosts.join(' + '));
      assert.match(res.body, /duplicate_host/);
    }
  });
});

describe('cross-origin requests: every Origin form not our own is refused with forbidden_origin', () => {
  const port = () => server().port;
  const forms: [string, () => string][] = [
    ['the opaque origin null (sandboxed frames, file pages, redirects)', () => 'null'],
    ['a foreign web site', () => 'https://evil.com'],
    ['our host name on another port', () => `http://127.0.0.1:${port() + 1}`],
    ['localhost on another port', () => `http://localhost:${port() + 1}`],
    ['our host and port over https', () => `https://127.0.0.1:${port()}`],
    ['a file:// page', () => 'file://'],
    ['a Chrome extension', () => 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    ['a Firefox extension', () => 'moz-extension://0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0'],
    ['a Safari extension', () => 'safari-web-extension://ABCDEF12-3456-7890-ABCD-EF1234567890'],
    ['our origin with a path after it', () => `http://127.0.0.1:${port()}/evil`],
    ['our origin with userinfo', () => `http://evil.com@127.0.0.1:${port()}`],
    ['our origin with a trailing dot', () => `http://localhost.:${port()}`],
    ['the public URL over plain http', () => 'http://tray.example.com'],
  ];
  for (const [name, origin] of forms) {
    test(name, async () => assertRefused(await mcp({ origin: origin() }), 'forbidden_origin'));
  }

  test('a preflight from a foreign origin gets no CORS grant', async () => {
    const res = await rawRequest(port(), {
      method: 'OPTIONS',
      path: '/mcp',
      headers: { origin: 'https://evil.com', 'access-control-request-method': 'POST' },
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });

  test('our own origin is served, and the grant names exactly it', async () => {
    const res = await mcp({ origin: `http://127.0.0.1:${port()}` });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], `http://127.0.0.1:${port()}`);
  });
});

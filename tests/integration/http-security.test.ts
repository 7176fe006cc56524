import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CALL_ONLY_KEY,
  FULL_KEY,
  READ_ONLY_KEY,
  WHOAMI_KEY,
  serveDuringTests,
} from '../support/serve-process.ts';
import { JSON_RPC_HEADERS, rawRequest, rpcPayload } from '../support/raw-http.ts';

const server = serveDuringTests({ args: ['--allow-origin', 'http://localhost:6274'] });

const toolsList = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
const callWhoami = JSON.stringify({
  jsonrpc: '2.0',
  id: 2,
  method: 'tools/call',
  params: { name: 'whoami', arguments: {} },
});

function post(body: string | Buffer, headers: Record<string, string> = {}, path = '/mcp') {
  return rawRequest(server().port, {
    method: 'POST',
    path,
    headers: { ...JSON_RPC_HEADERS, ...headers },
    body,
  });
}

describe('API keys', () => {
  test('each accepted form authenticates: X-API-Key, Bearer, ?api_key=', async () => {
    for (const [headers, path] of [
      [{ 'x-api-key': FULL_KEY }, '/mcp'],
      [{ authorization: `Bearer ${FULL_KEY}` }, '/mcp'],
      [{}, `/mcp?api_key=${FULL_KEY}`],
    ] as const) {
      const res = await post(callWhoami, headers, path);
      assert.equal(res.status, 200, `${JSON.stringify(headers)} ${path}: ${res.body}`);
      const payload = rpcPayload(res.body);
      assert.match(JSON.stringify(payload.result), /Full Access/);
    }
  });

  test('no key: 401 invalid_api_key with a WWW-Authenticate challenge', async () => {
    const res = await post(toolsList);
    assert.equal(res.status, 401);
    assert.equal((res.json() as { error: string }).error, 'invalid_api_key');
    assert.match(String(res.headers['www-authenticate']), /^Bearer realm="MCP Tray"/);
  });

  test('an unknown key: 401, and the key is not echoed anywhere', async () => {
    const res = await post(toolsList, { 'x-api-key': 'mcp_wrong_key_000000000000000000000' });
    assert.equal(res.status, 401);
    const body = res.json() as { error: string; message: string };
    assert.equal(body.error, 'invalid_api_key');
    assert.ok(!res.body.includes('mcp_wrong_key'));
    assert.match(String(res.headers['www-authenticate']), /error="invalid_token"/);
  });

  test('a key without the tool’s permission: 403 naming the permission', async () => {
    const res = await post(callWhoami, { 'x-api-key': READ_ONLY_KEY });
    assert.equal(res.status, 403);
    assert.deepEqual(
      { ...(res.json() as object), message: undefined },
      { error: 'insufficient_permissions', required: 'tools:call:whoami', message: undefined },
    );
  });

  test('a key without tools:list: 403 for tools/list, while it may still call tools', async () => {
    const denied = await post(toolsList, { 'x-api-key': CALL_ONLY_KEY });
    assert.equal(denied.status, 403);
    assert.equal((denied.json() as { required: string }).required, 'tools:list');
    const allowed = await post(callWhoami, { 'x-api-key': CALL_ONLY_KEY });
    assert.equal(allowed.status, 200);
  });

  test('a key limited to who* may not call server_status', async () => {
    const callStatus = JSON.stringify({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'server_status' },
    });
    const denied = await post(callStatus, { 'x-api-key': WHOAMI_KEY });
    assert.equal(denied.status, 403);
    assert.equal((denied.json() as { required: string }).required, 'tools:call:server_status');
  });

  test('/mcp/status needs status:read', async () => {
    const ok = await rawRequest(server().port, {
      path: '/mcp/status',
      headers: { 'x-api-key': READ_ONLY_KEY },
    });
    assert.equal(ok.status, 200);
    const status = ok.json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(status).sort(), [
      'authModes',
      'keys',
      'name',
      'protocolVersions',
      'publicUrl',
      'uptimeSeconds',
      'version',
    ]);
    assert.deepEqual(status['keys'], { count: 5 });
    assert.equal(status['publicUrl'], null, 'no public URL is set');
    const viaQuery = await rawRequest(server().port, { path: `/mcp/status?api_key=${READ_ONLY_KEY}` });
    assert.equal(viaQuery.status, 200);
    const denied = await rawRequest(server().port, {
      path: '/mcp/status',
      headers: { 'x-api-key': WHOAMI_KEY },
    });
    assert.equal(denied.status, 403);
    assert.equal((denied.json() as { required: string }).required, 'status:read');
  });
});

describe('request bodies', () => {
  test('a 3.9 MiB request is served', async () => {
    const padding = 'x'.repeat(Math.floor(3.9 * 1024 * 1024));
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 4,
      method: 'tools/call',
      params: { name: 'whoami', arguments: {}, _meta: { padding } },
    });
    const res = await post(body, { 'x-api-key': FULL_KEY });
    assert.equal(res.status, 200, res.body.slice(0, 300));
    assert.match(JSON.stringify(rpcPayload(res.body).result), /Full Access/);
  });

  test('a body over 4 MiB: 413 JSON', async () => {
    const res = await post(Buffer.alloc(4 * 1024 * 1024 + 10, 0x20), { 'x-api-key': FULL_KEY });
    assert.equal(res.status, 413);
    assert.equal((res.json() as { error: string }).error, 'payload_too_large');
  });

  test('malformed JSON: 400 with JSON-RPC -32700 and id null', async () => {
    const res = await post('{"jsonrpc": "2.0", "id": ', { 'x-api-key': FULL_KEY });
    assert.equal(res.status, 400);
    const body = res.json() as { jsonrpc: string; id: unknown; error: { code: number } };
    assert.equal(body.jsonrpc, '2.0');
    assert.equal(body.id, null);
    assert.equal(body.error.code, -32700);
  });

  test('Accept: */* (ChatGPT’s scanner) is served, not refused with 406', async () => {
    const res = await post(toolsList, {
      'x-api-key': FULL_KEY,
      accept: '*/*',
      'content-type': 'application/octet-stream',
    });
    assert.equal(res.status, 200, res.body);
    const tools = (rpcPayload(res.body).result as { tools: { name: string }[] }).tools;
    assert.ok(tools.some((tool) => tool.name === 'whoami'));
  });
});

describe('Host and Origin', () => {
  test('a foreign Host header (DNS rebinding) gets 403 JSON, even on /healthz', async () => {
    for (const host of ['evil.example', `evil.example:${server().port}`, '127.0.0.1:1', 'localhost']) {
      const res = await rawRequest(server().port, { path: '/healthz', headers: { host } });
      assert.equal(res.status, 403, host);
      assert.equal((res.json() as { error: string }).error, 'forbidden_host');
    }
  });

  test('loopback names with the port are served', async () => {
    for (const host of [
      `127.0.0.1:${server().port}`,
      `localhost:${server().port}`,
      `[::1]:${server().port}`,
    ]) {
      const res = await rawRequest(server().port, { path: '/healthz', headers: { host } });
      assert.equal(res.status, 200, host);
      assert.deepEqual(res.json(), { ok: true });
    }
  });

  test('an Origin not on the list gets 403, null included', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:9999']) {
      const res = await post(toolsList, { 'x-api-key': FULL_KEY, origin });
      assert.equal(res.status, 403, origin);
      assert.equal((res.json() as { error: string }).error, 'forbidden_origin');
      assert.equal(res.headers['access-control-allow-origin'], undefined);
    }
  });

  test('the server’s own origin and --allow-origin ones are served with CORS echoing the origin', async () => {
    for (const origin of [server().origin, 'http://localhost:6274']) {
      const res = await post(toolsList, { 'x-api-key': FULL_KEY, origin });
      assert.equal(res.status, 200, origin);
      assert.equal(res.headers['access-control-allow-origin'], origin);
      assert.match(String(res.headers['access-control-expose-headers']), /Mcp-Session-Id/);
      assert.match(String(res.headers['access-control-expose-headers']), /WWW-Authenticate/);
    }
  });

  test('a CORS preflight from an allowed origin succeeds without a key; never a wildcard', async () => {
    const res = await rawRequest(server().port, {
      method: 'OPTIONS',
      path: '/mcp',
      headers: {
        origin: 'http://localhost:6274',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-api-key',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], 'http://localhost:6274');
    assert.match(String(res.headers['access-control-allow-headers']), /x-api-key/i);
  });
});

describe('other routes', () => {
  test('/healthz needs no key and says only ok', async () => {
    const res = await rawRequest(server().port, { path: '/healthz' });
    assert.equal(res.status, 200);
    assert.equal(res.body, '{"ok":true}');
  });

  test('/.well-known/* answers 404 JSON while OAuth is off, with or without a key', async () => {
    for (const path of [
      '/.well-known/oauth-authorization-server',
      '/.well-known/oauth-protected-resource/mcp',
      '/.well-known/openid-configuration',
    ]) {
      const res = await rawRequest(server().port, { path, headers: { 'x-api-key': FULL_KEY } });
      assert.equal(res.status, 404, path);
      assert.match(String(res.headers['content-type']), /application\/json/);
    }
  });

  test('unknown routes answer 404 JSON, never HTML', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/assets/missing.js'],
      ['POST', '/nope'],
      ['DELETE', '/mcp/status/x'],
    ] as const) {
      const res = await rawRequest(server().port, { method, path });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.match(String(res.headers['content-type']), /application\/json/);
      assert.equal((res.json() as { error: string }).error, 'not_found');
    }
  });
});

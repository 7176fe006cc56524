import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  allowedHostHeaders,
  hostForHeader,
  isLoopbackHost,
  LOOPBACK_HOSTNAMES,
} from '../../../../src-main/core/http/host-allowlist.ts';
import { allowedOrigins, canonicalOrigin } from '../../../../src-main/core/http/origin-allowlist.ts';

describe('Host allowlist', () => {
  test('loopback names are allowed with the port only', () => {
    const hosts = allowedHostHeaders(3210, LOOPBACK_HOSTNAMES);
    assert.deepEqual([...hosts].sort(), ['127.0.0.1:3210', '[::1]:3210', 'localhost:3210']);
  });

  test('on port 80 the bare name is allowed too, as browsers omit the default port', () => {
    assert.ok(allowedHostHeaders(80, ['localhost']).has('localhost'));
  });

  test('IPv6 literals take brackets; names are lower-cased', () => {
    assert.equal(hostForHeader('::1'), '[::1]');
    assert.equal(hostForHeader('fe80::1'), '[fe80::1]');
    assert.equal(hostForHeader('My-PC.local'), 'my-pc.local');
  });

  test('what counts as loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'LOCALHOST']) {
      assert.ok(isLoopbackHost(host), host);
    }
    for (const host of ['0.0.0.0', '192.168.1.2', '::', 'example.com', '127.0.0.1.evil.com']) {
      assert.ok(!isLoopbackHost(host), host);
    }
  });
});

describe('Origin allowlist', () => {
  test('origins are compared in canonical form', () => {
    assert.equal(canonicalOrigin('HTTP://LOCALHOST:6274'), 'http://localhost:6274');
    assert.equal(canonicalOrigin('https://example.com:443'), 'https://example.com');
    assert.equal(canonicalOrigin('http://localhost:6274/path?q'), 'http://localhost:6274');
  });

  test('null and garbage are never an origin', () => {
    assert.equal(canonicalOrigin('null'), undefined);
    assert.equal(canonicalOrigin('not a url'), undefined);
    assert.equal(canonicalOrigin('file:///etc/passwd'), undefined);
  });

  test('the server’s own origins plus the extra ones', () => {
    const origins = allowedOrigins(3210, LOOPBACK_HOSTNAMES, ['http://localhost:6274']);
    assert.deepEqual([...origins].sort(), [
      'http://127.0.0.1:3210',
      'http://[::1]:3210',
      'http://localhost:3210',
      'http://localhost:6274',
    ]);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Request } from 'express';
import { requestCookie, requestHostName } from '../../../../src-main/core/http/request-parts.ts';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as Request;

test('a cookie is read by its name, whatever else the header holds', () => {
  const req = request({ cookie: 'theme=dark; mcp_tray_session=a.b=c.d; other=1' });
  assert.equal(requestCookie(req, 'mcp_tray_session'), 'a.b=c.d');
  assert.equal(requestCookie(req, 'missing'), undefined);
  assert.equal(requestCookie(request({}), 'mcp_tray_session'), undefined);
});

test('the host name comes without its port, IPv6 brackets kept', () => {
  assert.equal(requestHostName(request({ host: 'localhost:3210' })), 'localhost');
  assert.equal(requestHostName(request({ host: '[::1]:3210' })), '[::1]');
  assert.equal(requestHostName(request({ host: 'tray.example.com' })), 'tray.example.com');
  assert.equal(requestHostName(request({})), '');
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyInboundRequest } from '@modelcontextprotocol/server';
import { sharedModernRequest } from '../../../../src-main/core/mcp/modern-exchange.ts';

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'unit', version: '1' },
};

/** Whether a POST with these headers and this body goes to a shared server. */
function shared(method: string, params: Record<string, unknown>, headers: Record<string, string>): boolean {
  const body = { jsonrpc: '2.0', id: 1, method, params: { ...params, _meta: ENVELOPE } };
  const route = classifyInboundRequest({
    httpMethod: 'POST',
    protocolVersionHeader: headers['mcp-protocol-version'],
    mcpMethodHeader: headers['mcp-method'],
    mcpNameHeader: headers['mcp-name'],
    body,
  });
  return sharedModernRequest(route, headers) !== undefined;
}

const standard = (method: string, name?: string) => ({
  'mcp-protocol-version': '2026-07-28',
  'mcp-method': method,
  ...(name !== undefined && { 'mcp-name': name }),
});

describe('which 2026-07-28 requests a shared server answers', () => {
  test('everyday requests with their standard headers do', () => {
    assert.ok(shared('tools/call', { name: 'whoami' }, standard('tools/call', 'whoami')));
    assert.ok(shared('tools/list', {}, standard('tools/list')));
    assert.ok(shared('resources/read', { uri: 'file:///a' }, standard('resources/read', 'file:///a')));
    assert.ok(shared('prompts/get', { name: 'p' }, standard('prompts/get', 'p')));
  });

  test('a missing, encoded or mismatched header leaves the request to the SDK', () => {
    assert.ok(!shared('tools/call', { name: 'whoami' }, standard('tools/call')));
    assert.ok(!shared('tools/call', { name: 'whoami' }, standard('tools/call', '=?base64?d2hvYW1p?=')));
    assert.ok(!shared('tools/call', { name: 'whoami' }, standard('tools/list', 'whoami')));
    const { 'mcp-protocol-version': _, ...noVersion } = standard('tools/list');
    assert.ok(!shared('tools/list', {}, noVersion));
  });

  test('listening, discovery and other methods are the SDK’s', () => {
    assert.ok(!shared('subscriptions/listen', {}, standard('subscriptions/listen')));
    assert.ok(!shared('server/discover', {}, standard('server/discover')));
    assert.ok(!shared('ping', {}, standard('ping')));
  });

  test('2025-era requests are not modern ones', () => {
    const route = classifyInboundRequest({
      httpMethod: 'POST',
      protocolVersionHeader: '2025-11-25',
      body: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    });
    assert.equal(sharedModernRequest(route, { 'mcp-protocol-version': '2025-11-25' }), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseApiKeys } from '../../../../src-main/core/auth/environment-key-registry.ts';
import { InputError } from '../../../../src-main/core/app-error.ts';

const SEED_EXAMPLE =
  '{"connector-key": {"name": "ChatGPT Connector", "userId": "connector-user", "role": "user", "permissions": ["*"]}}';

function failure(raw: string): InputError {
  try {
    parseApiKeys(raw);
  } catch (error) {
    assert.ok(error instanceof InputError);
    assert.equal(error.code, 'invalid_api_keys');
    assert.equal(error.field, 'MCP_API_KEYS');
    return error;
  }
  assert.fail('expected parseApiKeys to refuse the value');
}

describe('MCP_API_KEYS', () => {
  test('reads the seed format; the object key is the API key', () => {
    const registry = parseApiKeys(SEED_EXAMPLE);
    assert.equal(registry.size, 1);
    const caller = registry.lookup('connector-key')?.caller;
    assert.equal(caller?.keyName, 'ChatGPT Connector');
    assert.equal(caller?.userId, 'connector-user');
    assert.equal(caller?.role, 'user');
    assert.deepEqual(caller?.permissions, ['*']);
    assert.equal(caller?.source, 'environment');
    assert.equal(registry.lookup('connector-ke'), undefined);
    assert.equal(registry.lookup('connector-key '), undefined);
  });

  test('the key id is derived from the key but does not contain it', () => {
    const caller = parseApiKeys(SEED_EXAMPLE).lookup('connector-key')?.caller;
    assert.match(caller?.keyId ?? '', /^env:[A-Za-z0-9_-]{10}$/);
    assert.ok(!caller?.keyId.includes('connector'));
  });

  test('absent or blank means no keys', () => {
    assert.equal(parseApiKeys(undefined).size, 0);
    assert.equal(parseApiKeys('  ').size, 0);
  });

  test('warns about a short key, naming it by name', () => {
    const { warnings } = parseApiKeys(SEED_EXAMPLE);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /"ChatGPT Connector" is only 13 characters/);
    assert.ok(!warnings[0]?.includes('connector-key'));
  });

  test('invalid JSON names MCP_API_KEYS and shows the expected form', () => {
    const error = failure('{not json');
    assert.match(
      error.message,
      /^MCP_API_KEYS is not valid: it is not valid JSON \(the problem is at character 1\)/,
    );
    assert.match(error.message, /for example \{"<key>"/);
  });

  test('the message for malformed JSON never quotes the input, which may hold keys', () => {
    for (const raw of [
      '{"mcp_sk_secretvalue123": x}',
      'mcp_sk_secretvalue123',
      '{"mcp_sk_secretvalue123": {"name": "x"',
      "{'mcp_sk_secretvalue123': {}}",
    ]) {
      const error = failure(raw);
      assert.match(error.message, /^MCP_API_KEYS is not valid: it is not valid JSON/);
      for (const fragment of ['secret', 'value123', 'mcp_sk', 'alue']) {
        assert.ok(!error.message.includes(fragment), `${raw} -> ${error.message}`);
      }
    }
  });

  test('a non-object top level is refused', () => {
    assert.match(failure('["a"]').message, /top level must be an object/);
  });

  test('a bad entry is named by its name and the field at fault, never by its key', () => {
    const secret = 'sk-should-never-appear';
    const cases: [object, RegExp][] = [
      [{ name: 'Cursor', userId: 'me', role: 'user' }, /entry "Cursor" needs "permissions" as an array/],
      [
        { name: 'Cursor', userId: 'me', role: 'user', permissions: ['root'] },
        /entry "Cursor" has a bad "permissions" item: "root" is not a permission/,
      ],
      [
        { name: 'Cursor', role: 'user', permissions: [] },
        /entry "Cursor" needs "userId" as a non-empty string/,
      ],
      [{ name: 'Cursor', userId: 'me', permissions: [] }, /entry "Cursor" needs "role"/],
      [{ userId: 'me', role: 'user', permissions: [] }, /entry #1 needs "name"/],
    ];
    for (const [entry, expected] of cases) {
      const error = failure(JSON.stringify({ [secret]: entry }));
      assert.match(error.message, expected);
      assert.ok(!error.message.includes(secret));
    }
  });

  test('an entry that is not an object is named by position', () => {
    const error = failure(
      JSON.stringify({ a: { name: 'A', userId: 'u', role: 'r', permissions: [] }, 'sk-2': 'x' }),
    );
    assert.match(error.message, /entry #2 must be an object/);
    assert.ok(!error.message.includes('sk-2'));
  });
});

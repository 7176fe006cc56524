import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FileSecretStore } from '../../../../src-main/core/keys/file-secret-store.ts';
import { KeysFile } from '../../../../src-main/core/keys/keys-file.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'mcp-tray-unit-'));

describe('keys.json', () => {
  test('a missing file is an empty list', async () => {
    assert.deepEqual(await new KeysFile(folder()).read(), { keys: [] });
  });

  test('an unreadable file is kept aside, never overwritten, and the problem says where', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'keys.json'), '{"version": 1, "keys": [{"id": ');
    const file = new KeysFile(dir, () => Date.parse('2026-11-27T10:00:00Z'));
    const { keys, problem } = await file.read();
    assert.deepEqual(keys, []);
    assert.match(problem ?? '', /could not be read .*kept as .*keys\.json\.corrupt-2026-11-27T10-00-00-000Z/);
    const aside = readdirSync(dir).find((name) => name.startsWith('keys.json.corrupt-'));
    assert.equal(readFileSync(join(dir, aside ?? ''), 'utf8'), '{"version": 1, "keys": [{"id": ');
  });

  test('a file of the wrong shape is treated the same way', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'keys.json'), '{"version": 2, "keys": []}');
    assert.ok((await new KeysFile(dir).read()).problem);
  });
});

describe('the file secret store', () => {
  test('keeps secrets in a 0600 file and reads them back', async () => {
    const dir = folder();
    const store = new FileSecretStore(dir);
    await store.set('key_a', 'mcp_sk_aaa');
    await store.set('key_b', 'mcp_sk_bbb');
    assert.equal(await store.get('key_a'), 'mcp_sk_aaa');
    assert.deepEqual([...(await store.list()).keys()], ['key_a', 'key_b']);
    assert.equal(await store.delete('key_a'), true);
    assert.equal(await store.delete('key_a'), false);
    assert.equal(statSync(join(dir, 'secrets.json')).mode & 0o777, 0o600);
  });

  test('a corrupt secrets file is an error, and is left as it was', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'secrets.json'), 'not json');
    const store = new FileSecretStore(dir);
    await assert.rejects(store.set('key_a', 'x'), /is not a valid secrets file/);
    assert.equal(readFileSync(join(dir, 'secrets.json'), 'utf8'), 'not json');
  });
});

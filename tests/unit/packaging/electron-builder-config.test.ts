import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  Record<string, unknown>
>;

describe('electron-builder.yml', () => {
  test('is valid against the schema app-builder-lib ships (offline)', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    assert.equal(validate(config), true, JSON.stringify(validate.errors, null, 2));
  });

  test('names the product and sets the fuses the security checklist asks for', () => {
    assert.equal(config['appId'], 'dev.mcptray.app');
    assert.equal(config['productName'], 'MCP Tray');
    assert.deepEqual(config['electronFuses'], {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  test('builds dmg and zip for both Mac architectures, hardened, without a Dock icon', () => {
    const mac = config['mac'] ?? {};
    assert.deepEqual(mac['target'], [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    assert.equal(mac['hardenedRuntime'], true);
    assert.deepEqual(mac['extendInfo'], { LSUIElement: true });
  });

  test('Windows nsis for x64 and arm64; Linux AppImage and deb needing libsecret', () => {
    assert.deepEqual(config['win']?.['target'], [{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    assert.deepEqual(
      (config['linux']?.['target'] as { target: string }[]).map((t) => t.target),
      ['AppImage', 'deb'],
    );
    assert.ok((config['deb']?.['depends'] as string[]).includes('libsecret-1-0'));
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveServerConfig } from '../../../../src-main/core/server/server-config.ts';
import { defaultDataDir } from '../../../../src-main/core/data-dir.ts';

describe('server configuration', () => {
  test('defaults: 127.0.0.1:3210, query keys on, no LAN', () => {
    const config = resolveServerConfig({}, {});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3210);
    assert.equal(config.allowLan, false);
    assert.equal(config.allowQueryKey, true);
    assert.equal(config.dataDir, defaultDataDir());
  });

  test('flags win over the environment, the environment over defaults', () => {
    assert.equal(resolveServerConfig({}, { MCP_PORT: '4000' }).port, 4000);
    assert.equal(resolveServerConfig({ port: '5000' }, { MCP_PORT: '4000' }).port, 5000);
    assert.equal(resolveServerConfig({}, { MCP_TRAY_DATA_DIR: '/srv/tray' }).dataDir, '/srv/tray');
    assert.equal(resolveServerConfig({ dataDir: '/a' }, { MCP_TRAY_DATA_DIR: '/srv/tray' }).dataDir, '/a');
    assert.equal(resolveServerConfig({}, { MCP_ALLOW_QUERY_KEY: 'false' }).allowQueryKey, false);
    assert.equal(resolveServerConfig({ queryKey: true }, { MCP_ALLOW_QUERY_KEY: 'off' }).allowQueryKey, true);
  });

  test('a bad port names its source and the accepted range', () => {
    assert.throws(
      () => resolveServerConfig({ port: 'abc' }, {}),
      /--port must be a port number from 1 to 65535/,
    );
    assert.throws(() => resolveServerConfig({}, { MCP_PORT: '70000' }), /MCP_PORT must be a port number/);
  });

  test('a non-loopback host needs --allow-lan', () => {
    assert.throws(() => resolveServerConfig({ host: '0.0.0.0' }, {}), { code: 'lan_not_allowed' });
    assert.equal(resolveServerConfig({ host: '0.0.0.0', allowLan: true }, {}).host, '0.0.0.0');
    assert.equal(resolveServerConfig({ host: 'localhost' }, {}).host, 'localhost');
    assert.equal(resolveServerConfig({ host: '::1' }, {}).host, '::1');
  });

  test('--allow-origin takes origins only, never a wildcard', () => {
    assert.deepEqual(resolveServerConfig({ allowOrigin: ['http://localhost:6274'] }, {}).allowOrigins, [
      'http://localhost:6274',
    ]);
    assert.throws(() => resolveServerConfig({ allowOrigin: ['*'] }, {}), { code: 'invalid_origin' });
    assert.throws(() => resolveServerConfig({ allowOrigin: ['https://*.example.com'] }, {}), {
      code: 'invalid_origin',
    });
    assert.throws(() => resolveServerConfig({ allowOrigin: ['localhost:6274'] }, {}), {
      code: 'invalid_origin',
    });
  });

  test('a bad switch value is refused', () => {
    assert.throws(() => resolveServerConfig({}, { MCP_ALLOW_QUERY_KEY: 'maybe' }), /true or false/);
  });
});

describe('default data folder (the one Electron’s userData gives)', () => {
  test('per OS', () => {
    assert.equal(
      defaultDataDir('darwin', {}, '/Users/ann'),
      '/Users/ann/Library/Application Support/MCP Tray',
    );
    assert.equal(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann'),
      'C:\\Users\\ann\\AppData\\Roaming\\MCP Tray',
    );
    assert.equal(defaultDataDir('linux', {}, '/home/ann'), '/home/ann/.config/MCP Tray');
    assert.equal(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ann'), '/xdg/MCP Tray');
  });
});

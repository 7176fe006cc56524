import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRedirectUri, oauthConfigFromEnv } from '../../../../src-main/core/sign-in/sign-in-config.ts';

test('OAuth settings from the seed’s variables; what they leave out falls to Settings', () => {
  assert.deepEqual(oauthConfigFromEnv({}), {}, 'nothing set: Settings and the defaults decide');
  assert.equal(defaultRedirectUri(3210), 'http://localhost:3210/auth/oauth/callback');
  assert.deepEqual(
    oauthConfigFromEnv({ MCP_OAUTH_ENABLED: 'off', MCP_OAUTH_REDIRECT_URI: 'https://t.example/cb/' }),
    {
      enabled: false,
      redirectUri: 'https://t.example/cb/',
    },
  );
  assert.deepEqual(
    oauthConfigFromEnv({
      MCP_OAUTH_ENABLED: 'true',
      MCP_OAUTH_GITHUB_CLIENT_ID: 'id',
      MCP_OAUTH_GITHUB_CLIENT_SECRET: 's',
    }).github,
    { clientId: 'id', clientSecret: 's', baseUrl: 'https://github.com', apiUrl: 'https://api.github.com' },
  );
  const ghes = oauthConfigFromEnv({
    MCP_OAUTH_GITHUB_CLIENT_ID: 'id',
    MCP_OAUTH_GITHUB_CLIENT_SECRET: 's',
    MCP_OAUTH_GITHUB_BASE_URL: 'https://ghe.example.com/',
    MCP_OAUTH_GITHUB_API_URL: 'https://ghe.example.com/api/v3',
  });
  assert.equal(ghes.github?.baseUrl, 'https://ghe.example.com');
  assert.equal(ghes.github?.apiUrl, 'https://ghe.example.com/api/v3');
  const ghesDefaultApi = oauthConfigFromEnv({
    MCP_OAUTH_GITHUB_CLIENT_ID: 'id',
    MCP_OAUTH_GITHUB_CLIENT_SECRET: 's',
    MCP_OAUTH_GITHUB_BASE_URL: 'https://ghe.example.com',
  });
  assert.equal(
    ghesDefaultApi.github?.apiUrl,
    'https://ghe.example.com/api/v3',
    'GitHub Enterprise Server’s API path',
  );
});

test('half a GitHub app, or a bad URL, is refused with what to set', () => {
  assert.throws(
    () => oauthConfigFromEnv({ MCP_OAUTH_ENABLED: '1', MCP_OAUTH_GITHUB_CLIENT_ID: 'id' }),
    /needs both MCP_OAUTH_GITHUB_CLIENT_ID and MCP_OAUTH_GITHUB_CLIENT_SECRET/,
  );
  assert.throws(
    () => oauthConfigFromEnv({ MCP_OAUTH_REDIRECT_URI: 'ftp://x' }),
    /MCP_OAUTH_REDIRECT_URI must be an http\(s\) URL/,
  );
  assert.throws(
    () => oauthConfigFromEnv({ MCP_OAUTH_ENABLED: 'maybe' }),
    /MCP_OAUTH_ENABLED must be true or false/,
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oauthConfigFromEnv } from '../../../src-main/core/oauth/oauth-config.ts';

test('OAuth settings from the seed’s variables, with GitHub and the redirect URI defaulted', () => {
  assert.deepEqual(oauthConfigFromEnv({}), {
    enabled: false,
    redirectUri: 'http://localhost:3210/auth/oauth/callback',
  });
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
});

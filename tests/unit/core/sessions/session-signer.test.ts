import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { SESSION_KEY_ACCOUNT, SessionSigner } from '../../../../src-main/core/sessions/session-signer.ts';
import { FileSecretStore } from '../../../../src-main/core/keys/file-secret-store.ts';
import { streamLogger } from '../../../../src-main/core/logger.ts';

test('sessions: our ES256 tokens verify; wrong audience, wrong issuer, expired or foreign ones do not', async () => {
  const store = new FileSecretStore(mkdtempSync(join(tmpdir(), 'mcp-tray-signer-')));
  const signer = await SessionSigner.load(
    store,
    streamLogger(() => {}),
  );
  const good = await signer.issue('github:1', { login: 'octocat' });
  const claims = await signer.verify(good);
  assert.equal(claims?.sub, 'github:1');
  assert.equal(claims?.['login'], 'octocat');
  assert.ok((claims?.exp ?? 0) - (claims?.iat ?? 0) === 12 * 3600);

  const key = (await importJWK(
    JSON.parse((await store.get(SESSION_KEY_ACCOUNT)) ?? '{}') as JWK,
    'ES256',
  )) as CryptoKey;
  const token = (issuer: string, audience: string, expires: string | number) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('github:1')
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(key);
  assert.ok(
    await signer.verify(await token('mcp-tray', 'mcp-tray-dashboard', '1h')),
    'the same key and claims verify',
  );
  assert.equal(await signer.verify(await token('mcp-tray', 'someone-else', '1h')), undefined);
  assert.equal(await signer.verify(await token('evil', 'mcp-tray-dashboard', '1h')), undefined);
  assert.equal(
    await signer.verify(await token('mcp-tray', 'mcp-tray-dashboard', Math.floor(Date.now() / 1000) - 60)),
    undefined,
  );
  assert.equal(await signer.verify(`${good.slice(0, -4)}AAAA`), undefined);
  assert.equal(await signer.verify('not.a.jwt'), undefined);
});

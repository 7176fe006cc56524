import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SessionSigner } from '../../../../src-main/core/sessions/session-signer.ts';
import { SignedOutSessions } from '../../../../src-main/core/sessions/signed-out-sessions.ts';
import { FileSecretStore } from '../../../../src-main/core/keys/file-secret-store.ts';
import { streamLogger } from '../../../../src-main/core/logger.ts';

async function setup(dir = mkdtempSync(join(tmpdir(), 'signed-out-'))) {
  const signedOut = await SignedOutSessions.load(dir, Date.now);
  const signer = await SessionSigner.load(
    new FileSecretStore(dir),
    streamLogger(() => {}),
    { signedOut },
  );
  return { dir, signer, signedOut };
}

test('signing out one session ends that token only, and it stays ended after a restart', async () => {
  const { dir, signer, signedOut } = await setup();
  const here = await signer.issue('github:1');
  const elsewhere = await signer.issue('github:1');
  const claims = await signer.verify(here);
  assert.ok(claims);
  await signedOut.endSession(claims);
  assert.equal(await signer.verify(here), undefined);
  assert.ok(await signer.verify(elsewhere), 'another browser’s session stands');
  const restarted = await setup(dir);
  assert.equal(await restarted.signer.verify(here), undefined, 'kept in signed-out.json');
  assert.ok(await restarted.signer.verify(elsewhere));
});

test('signing out everywhere ends every session issued before, not the ones after', async () => {
  const { signer, signedOut } = await setup();
  const before = await signer.issue('github:1');
  const other = await signer.issue('github:2');
  await signedOut.endEverywhere('github:1');
  const after = await signer.issue('github:1');
  assert.equal(await signer.verify(before), undefined);
  assert.ok(await signer.verify(after), 'signing in again, even within the same second, works');
  assert.ok(await signer.verify(other), 'other people are not signed out');
});

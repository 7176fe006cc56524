import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Identity } from '../../../../src-main/core/sign-in/identity.ts';
import { OwnerList } from '../../../../src-main/core/sign-in/owner-list.ts';

const person = (subject: string, login: string, email: string | null = null): Identity => ({
  subject,
  login,
  name: null,
  email,
  avatarUrl: null,
});
const ada = person('github:1', 'ada');
const grace = person('github:2', 'Grace-H');

test('the first account to sign in becomes the owner; a stranger is turned away', async () => {
  const owners = new OwnerList(mkdtempSync(join(tmpdir(), 'owners-')));
  assert.equal(await owners.admit(ada), true);
  assert.equal(await owners.admit(grace), false);
  assert.equal(await owners.admit(ada), true, 'the owner again');
  assert.deepEqual(
    (await owners.list()).map(({ id, login, signedInBefore }) => ({ id, login, signedInBefore })),
    [{ id: 'github:1', login: 'ada', signedInBefore: true }],
  );
});

test('people added before anyone signed in do not keep the first account out', async () => {
  const owners = new OwnerList(mkdtempSync(join(tmpdir(), 'owners-')));
  await owners.add('github', 'grace-h');
  assert.equal(await owners.admit(ada), true, 'the first account becomes the owner');
  assert.equal(await owners.admit(person('github:3', 'eve')), false, 'after that, only owners');
  assert.equal(await owners.admit(grace), true);
});

test('someone added by GitHub username may sign in (any case) and is bound to that account', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'owners-'));
  const owners = new OwnerList(dir);
  await owners.admit(ada);
  await owners.add('github', '@grace-h');
  const invited = (await owners.list())[1];
  assert.deepEqual(
    invited && { id: invited.id, login: invited.login, signedInBefore: invited.signedInBefore },
    { id: 'invite:github:grace-h', login: 'grace-h', signedInBefore: false },
  );
  assert.equal(await owners.admit(person('google:9', 'grace-h')), false, 'the name on another provider');
  assert.equal(await owners.admit(grace), true);
  assert.equal((await owners.list())[1]?.id, 'github:2', 'bound to the account id');
  // A rename later does not let someone else take the name.
  assert.equal(await owners.admit(person('github:3', 'grace-h')), false);
  await assert.rejects(owners.add('github', 'Grace-H'), /already on the owner list/);
  await assert.rejects(owners.add('github', 'not a name'), /not a GitHub username/);
});

test('a Google account is added by email and admitted only with that verified email', async () => {
  const owners = new OwnerList(mkdtempSync(join(tmpdir(), 'owners-')));
  await owners.admit(ada);
  await owners.add('google', 'Lin@Example.com');
  assert.equal(await owners.admit(person('google:7', 'lin@example.com', null)), false, 'email not verified');
  assert.equal(await owners.admit(person('google:7', 'Lin', 'lin@example.com')), true);
  await assert.rejects(owners.add('google', 'lin'), /not an email address/);
});

test('owners are removed by id, except the last one who has signed in', async () => {
  const owners = new OwnerList(mkdtempSync(join(tmpdir(), 'owners-')));
  await owners.admit(ada);
  await owners.add('github', 'grace-h');
  await assert.rejects(owners.remove('github:1'), /only owner who has signed in/);
  assert.equal(await owners.remove('invite:github:grace-h'), undefined, 'an invitation has no sessions');
  await owners.add('github', 'grace-h');
  await owners.admit(grace);
  assert.equal(await owners.remove('github:1'), 'github:1', 'the removed subject, whose sessions must end');
  assert.equal(await owners.admit(ada), false, 'removed means turned away');
  await assert.rejects(owners.remove('github:1'), /no longer on the list/);
});

test('an owners.json from before invitations still works; a corrupt one is kept aside', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'owners-'));
  const path = join(dir, 'owners.json');
  writeFileSync(
    path,
    JSON.stringify({ owners: [{ subject: 'google:5', login: 'lin', addedAt: '2026-01-01' }] }),
  );
  const owners = new OwnerList(dir);
  assert.equal((await owners.list())[0]?.provider, 'google');
  assert.equal(await owners.admit(ada), false);
  writeFileSync(path, '{ not json');
  const warnings: string[] = [];
  const again = new OwnerList(dir, Date.now, (message) => warnings.push(message));
  assert.deepEqual(await again.list(), []);
  assert.match(warnings[0] ?? '', /could not be read .* kept as .*owners\.json\.corrupt-/);
  assert.throws(() => readFileSync(path), /ENOENT/, 'the corrupt file was moved, not overwritten');
});

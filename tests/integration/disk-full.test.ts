import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../support/serve-process.ts';

// A data folder on a small tmpfs that fills up: a change that cannot be written fails with the reason and
// the fix (no stack), the files as they were survive and parse, and no temp file is left taking space.
const mountPoint = mkdtempSync(join(tmpdir(), 'mcp-tray-full-'));
let mounted = false;

before(() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    });
    mounted = true;
  } catch {
    mounted = false;
  }
});
after(() => {
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe('a full disk', () => {
  test('key changes fail with "the disk is full" and lose nothing already saved', async (t) => {
    if (!mounted) return t.skip('mounting a tmpfs needs root (CI runs as root)');
    const dataDir = join(mountPoint, 'data');
    const keys = (...args: string[]) =>
      runCli(['keys', ...args, '--secret-store', 'file', '--data-dir', dataDir], { MCP_API_KEYS: '' });
    assert.equal((await keys('create', '--name', 'First')).code, 0);
    // Fill the disk but for a few blocks, so the next writes run out of space.
    const { bavail, bsize } = statfsSync(mountPoint);
    writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, (bavail - 2) * bsize)));
    let failure: Awaited<ReturnType<typeof keys>> | undefined;
    const made = ['First'];
    for (let i = 0; i < 40 && failure === undefined; i += 1) {
      const result = await keys('create', '--name', `Key ${i}`);
      if (result.code === 0) made.push(`Key ${i}`);
      else failure = result;
    }
    assert.ok(failure !== undefined, 'the disk filled up');
    assert.equal(failure.code, 1);
    assert.match(
      failure.stderr,
      /the disk is full\. Free some space and try again; the file as it was is kept\./,
    );
    assert.doesNotMatch(failure.stderr, /^\s+at /m, 'no stack');
    assert.doesNotMatch(failure.stderr, /unexpected/i);
    rmSync(join(mountPoint, 'filler'));
    const listed = await keys('list', '--json');
    assert.equal(listed.code, 0, listed.stderr);
    const names = (JSON.parse(listed.stdout) as { keys: { name: string }[] }).keys.map((key) => key.name);
    assert.deepEqual(names, made, 'every acknowledged key is there, nothing else');
    JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8'));
    assert.deepEqual(
      readdirSync(dataDir).filter((name) => name.endsWith('.tmp')),
      [],
      'no temp file left',
    );
  });
});

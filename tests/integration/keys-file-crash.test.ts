import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { KeysFileSchema } from '../../src-main/core/keys/key-record.ts';

const WRITER = join(import.meta.dirname, '..', 'support', 'keys-file-writer.ts');

test('a process killed while writing keys.json leaves it valid, old or new', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-crash-'));
  const rounds = new Set<string>();
  for (let kill = 0; kill < 12; kill += 1) {
    const child = spawn(process.execPath, [WRITER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout, 'data');
    await sleep(40 + ((kill * 37) % 120));
    child.kill('SIGKILL');
    await once(child, 'exit');
    if (!existsSync(join(dataDir, 'keys.json'))) continue;
    const parsed = KeysFileSchema.safeParse(JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')));
    assert.ok(parsed.success, `keys.json is invalid after kill ${kill}`);
    assert.equal(parsed.data.keys.length, 200);
    rounds.add(parsed.data.keys[0]?.id ?? '');
    // The killed writer's lock file stays behind; the next writer takes it over at once (its pid is dead).
  }
  assert.ok(rounds.size >= 2, 'the writer got through several versions between kills');
});

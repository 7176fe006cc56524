// Run by tests/run-tests.ts once every test file has finished: the whole suite made its temporary folders
// under one directory (MCP_TRAY_SUITE_DIR), and no MCP Tray data folder in it may hold a key secret outside
// the secrets file of `--secret-store file`: not the logs, not keys.json, not oauth.json, not the index.
// Looked for: the fixed keys the suite hands to servers, and anything shaped like a key MCP Tray makes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TEST_API_KEYS } from '../support/serve-process.ts';

const SUITE_DIR = process.env['MCP_TRAY_SUITE_DIR'] ?? '';
/** The files only an MCP Tray data folder has. */
const DATA_FOLDER_MARKS = ['keys.json', 'settings.json', 'login-tokens.json', 'key-usage.json', 'oauth.json'];
const GENERATED_KEY = /mcp_sk_[A-Za-z0-9_-]{43}/;
const MAX_FILE_BYTES = 64 * 1024 * 1024;

function dataFolders(dir: string, found: string[] = [], depth = 0): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return found; // gone, or a mount point this process may not read
  }
  if (names.some((name) => DATA_FOLDER_MARKS.includes(name))) found.push(dir);
  for (const name of names) {
    const path = join(dir, name);
    if (depth < 6 && name !== 'node_modules' && isDirectory(path)) dataFolders(path, found, depth + 1);
  }
  return found;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (isDirectory(path)) return filesOf(path);
    return name === 'secrets.json' || !statSync(path, { throwIfNoEntry: false })?.isFile() ? [] : [path];
  });
}

test(
  'no data folder the suite made holds a key secret outside the secrets file',
  { skip: !SUITE_DIR },
  () => {
    const fixed = Object.keys(JSON.parse(TEST_API_KEYS) as Record<string, unknown>);
    const folders = dataFolders(SUITE_DIR);
    const found: string[] = [];
    let files = 0;
    for (const folder of folders) {
      for (const file of filesOf(folder)) {
        if (statSync(file).size > MAX_FILE_BYTES) continue;
        files += 1;
        const text = readFileSync(file, 'latin1');
        const generated = GENERATED_KEY.exec(text)?.[0];
        if (generated) found.push(`${file}: a generated key (${generated.slice(0, 11)}…)`);
        for (const key of fixed)
          if (text.includes(key)) found.push(`${file}: the test key ${key.slice(0, 14)}…`);
      }
    }
    console.log(
      `secrets scan after the suite: ${folders.length} data folders, ${files} files, ${found.length} found`,
    );
    assert.ok(folders.length > 20, `only ${folders.length} data folders found under ${SUITE_DIR}`);
    assert.deepEqual(found, []);
  },
);

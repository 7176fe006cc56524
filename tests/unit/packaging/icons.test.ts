import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import {
  APP_FILES,
  APP_ICNS_SIZES,
  APP_ICO_SIZES,
  APP_PNG_SIZES,
  TRAY_ICO_SIZES,
  TRAY_PNG_SIZES,
  TRAY_STATES,
  trayFiles,
  trayIconFile,
} from '../../../src-main/core/tray/icon-files.ts';
import { icnsTypes, ICNS_TYPES, icoSizes, pngSize } from '../../../scripts/icons/icon-containers.ts';
import { traySvg } from '../../../scripts/icons/tray-states.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const icons = join(root, 'assets', 'icons');
const read = (name: string) => readFileSync(join(icons, name));
const square = (name: string) => {
  const { width, height } = pngSize(read(name));
  assert.equal(width, height, name);
  return width;
};

describe('icons', () => {
  test('every tray state has every size and format', () => {
    for (const state of TRAY_STATES) {
      const files = trayFiles(state);
      assert.equal(square(files.macTemplate), 16);
      assert.equal(square(files.macTemplate2x), 32);
      assert.deepEqual(icoSizes(read(files.windows)), [...TRAY_ICO_SIZES]);
      assert.deepEqual(files.linux.map(square), [...TRAY_PNG_SIZES]);
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        assert.ok(existsSync(join(icons, trayIconFile(state, platform))), `${state} on ${platform}`);
      }
    }
  });

  test('macOS tray icons are template images: drawn in black only, with an alpha channel', () => {
    const source = readFileSync(join(root, 'assets', 'tray-icon.svg'), 'utf8');
    for (const state of TRAY_STATES) {
      const colours = traySvg(source, state, true).match(/#[0-9a-fA-F]{3,6}\b/g) ?? [];
      assert.deepEqual([...new Set(colours)], ['#000'], state);
      assert.equal(read(trayFiles(state).macTemplate2x)[25], 6, `${state}: PNG colour type RGBA`);
    }
  });

  test('the app icon in every size electron-builder wants', () => {
    assert.deepEqual(APP_FILES.png.map(square), [...APP_PNG_SIZES]);
    assert.deepEqual(icoSizes(read(APP_FILES.ico)), [...APP_ICO_SIZES]);
    assert.deepEqual(
      icnsTypes(read(APP_FILES.icns)),
      APP_ICNS_SIZES.map((size) => ICNS_TYPES[size]),
    );
  });

  test('the committed icons are what the source drawings make (run scripts/make-icons.ts after editing them)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'mcp-tray-icons-'));
    execFileSync(process.execPath, [join(root, 'scripts', 'make-icons.ts'), fresh]);
    const list = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => statSync(join(dir, name)).isFile())
        .map((name) => relative(dir, join(dir, name)))
        .sort();
    assert.deepEqual(list(fresh), list(icons));
    for (const name of list(fresh)) assert.ok(readFileSync(join(fresh, name)).equals(read(name)), name);
  });
});

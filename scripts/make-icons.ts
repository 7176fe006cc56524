// Renders every tray and app icon from the two source drawings in assets/ (tray-icon.svg, icon.svg), so the
// set stays consistent. Run after changing a drawing: node scripts/make-icons.ts [output folder]
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { icnsFile, icoFile } from './icons/icon-containers.ts';
import {
  APP_FILES,
  APP_ICNS_SIZES,
  APP_ICO_SIZES,
  APP_PNG_SIZES,
  TRAY_ICO_SIZES,
  TRAY_PNG_SIZES,
  TRAY_STATES,
  trayFiles,
} from '../src-main/core/tray/icon-files.ts';
import { traySvg } from './icons/tray-states.ts';

const assets = join(import.meta.dirname, '..', 'assets');
const out = process.argv[2] ?? join(assets, 'icons');

const render = (svg: string, size: number): Buffer =>
  Buffer.from(
    new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng(),
  );

function write(name: string, data: Buffer): void {
  mkdirSync(dirname(join(out, name)), { recursive: true });
  writeFileSync(join(out, name), data);
}

const traySource = readFileSync(join(assets, 'tray-icon.svg'), 'utf8');
for (const state of TRAY_STATES) {
  const files = trayFiles(state);
  const template = traySvg(traySource, state, true);
  const colour = traySvg(traySource, state, false);
  write(files.macTemplate, render(template, 16));
  write(files.macTemplate2x, render(template, 32));
  write(files.windows, icoFile(TRAY_ICO_SIZES.map((size) => render(colour, size))));
  TRAY_PNG_SIZES.forEach((size, i) => write(files.linux[i] as string, render(colour, size)));
}

const appSource = readFileSync(join(assets, 'icon.svg'), 'utf8');
APP_PNG_SIZES.forEach((size, i) => write(APP_FILES.png[i] as string, render(appSource, size)));
write(APP_FILES.ico, icoFile(APP_ICO_SIZES.map((size) => render(appSource, size))));
write(APP_FILES.icns, icnsFile(APP_ICNS_SIZES.map((size) => render(appSource, size))));
process.stdout.write(`icons written to ${out}\n`);

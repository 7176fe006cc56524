// `npm start`: launch the desktop app with Electron when its binary is installed; otherwise say why and run
// the same core server headless, so the command still does something useful.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = require.resolve('electron/package.json').replace(/package\.json$/, '');
const hasBinary = existsSync(`${electronDir}path.txt`);
const [command, args] = hasBinary
  ? [process.execPath, [`${electronDir}cli.js`, '.']]
  : [process.execPath, ['dist/bundle/mcp-tray.js', 'serve', ...process.argv.slice(2)]];
if (!hasBinary) {
  process.stderr.write('The Electron binary is not installed here; starting the headless server instead.\n');
}
const child = spawn(command, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

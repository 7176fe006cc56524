import { app } from 'electron';
import { parseArgs } from 'node:util';
import { runBridge } from '../core/bridge/run-bridge.ts';
import type { Logger } from '../core/logger.ts';
import { utilityKeychainRunner } from './utility-keychain-runner.ts';

/** Whether the app was started as a client's bridge (`MCP Tray --bridge --key ID`), not as the tray app. */
export const isBridgeLaunch = (argv: readonly string[]) => argv.includes('--bridge');

/**
 * The installed app as a stdio MCP server for a client (the same bridge as `mcp-tray bridge`, so no
 * Node.js is needed on the computer): no window, no tray, no single-instance lock; the keychain read
 * through the app's utility process once Electron is ready; the process ends when the client closes stdin.
 */
export function runBridgeEntry(argv: readonly string[], logger: Logger): void {
  if (process.platform === 'darwin') app.dock?.hide();
  const { values } = parseArgs({
    args: argv.slice(argv.indexOf('--bridge') + 1),
    options: {
      key: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'secret-store': { type: 'string' },
    },
    strict: false,
  });
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  void app
    .whenReady()
    .then(() =>
      runBridge(
        {
          key: text(values.key),
          port: text(values.port),
          dataDir: text(values['data-dir']) ?? app.getPath('userData'),
          secretStore: text(values['secret-store']),
        },
        { env: process.env, logger },
        { stdin: process.stdin, stdout: process.stdout },
        utilityKeychainRunner,
      ),
    )
    .then(
      () => app.exit(0),
      (error: Error) => {
        process.stderr.write(`MCP Tray bridge: ${error.message}\n`);
        app.exit(2);
      },
    );
}

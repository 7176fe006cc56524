import { defaultDataDir } from '../data-dir.ts';

/** How a client starts the bridge: a program and its arguments (`--key ID` is added per client). */
export interface BridgeLaunch {
  command: string;
  args: string[];
}

/**
 * The bridge as `base` starts it (the desktop app's own executable with `--bridge`, or Node.js with the
 * CLI and `bridge`), with the options that differ from the defaults: the data folder, a port given on the
 * command line (the settings' port is followed without it), the secrets file.
 */
export function bridgeLaunch(
  base: BridgeLaunch,
  options: { dataDir: string; port?: number | undefined; secretStore: 'keychain' | 'file' },
): BridgeLaunch {
  const args = [...base.args];
  if (options.dataDir !== defaultDataDir()) args.push('--data-dir', options.dataDir);
  if (options.port !== undefined) args.push('--port', String(options.port));
  if (options.secretStore === 'file') args.push('--secret-store', 'file');
  return { command: base.command, args };
}

/** This CLI's bridge: the Node.js running it and its script, so no other Node.js need be installed. */
export function cliBridge(script: string): BridgeLaunch {
  return { command: process.execPath, args: [script, 'bridge'] };
}

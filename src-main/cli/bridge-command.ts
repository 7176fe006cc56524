import { parseArgs } from 'node:util';
import { InputError } from '../core/app-error.ts';
import { runBridge } from '../core/bridge/run-bridge.ts';
import type { CommandIo } from './command-io.ts';

export const BRIDGE_HELP = `Usage: mcp-tray bridge --key NAME [--port N] [--data-dir PATH] [--secret-store keychain|file]

A stdio MCP server for clients that start servers as commands (Claude Desktop, and any client whose config
should hold no secret): it forwards everything to the MCP Tray running on this computer, with the key NAME
(a key's name or id) read from the keychain when it starts. The client's config then holds only this
command and the key's name. Without --key it uses the key in the MCP_TRAY_KEY environment variable.
`;

/**
 * `mcp-tray bridge`: stdio on one side, MCP Tray's local HTTP endpoint on the other. What goes wrong (MCP
 * Tray not running, the key refused) is said on stderr and answered to the client as an error; it keeps
 * serving, so MCP Tray started or restarted later is reached by the next request.
 */
export async function bridgeCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      key: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'secret-store': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(BRIDGE_HELP);
    return 0;
  }
  if (values.key === undefined && (io.env['MCP_TRAY_KEY'] ?? '') === '')
    throw new InputError(
      'usage',
      `"bridge" needs the key to use: mcp-tray bridge --key NAME. ${BRIDGE_HELP}`,
    );
  await runBridge(
    { key: values.key, port: values.port, dataDir: values['data-dir'], secretStore: values['secret-store'] },
    io,
    { stdin: process.stdin, stdout: process.stdout },
  );
  return 0;
}

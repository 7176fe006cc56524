import { resolve } from 'node:path';
import { appVersion } from '../core/app-version.ts';
import { InputError } from '../core/app-error.ts';
import { currentHost } from '../core/gateway/login-shell-path.ts';
import type { AddCheck } from '../core/gateway/server-add-check.ts';
import { probeServer, type Probe } from '../core/gateway/server-probe.ts';
import { addServer, type NewServer } from '../core/gateway/servers-admin.ts';
import type { ServersFile } from '../core/gateway/servers-file.ts';
import type { SecretStore } from '../core/keys/secret-store.ts';
import { BUILTIN_TOOL_NAMES } from '../core/tools/builtin-tools.ts';
import type { CommandIo } from './command-io.ts';
import { pairs } from './servers-output.ts';

/** The options of `servers add` (parsed with the other servers commands' options). */
export interface AddOptions {
  prefix?: string | undefined;
  'no-prefix'?: boolean | undefined;
  'no-check'?: boolean | undefined;
  url?: string | undefined;
  header?: string[] | undefined;
  'secret-header'?: string[] | undefined;
  cwd?: string | undefined;
  env?: string[] | undefined;
  'secret-env'?: string[] | undefined;
}

function newServer(name: string, values: AddOptions, command: string[]): NewServer {
  if (values.prefix !== undefined && values['no-prefix'])
    throw new InputError('usage', 'Give --prefix P or --no-prefix, not both.');
  const prefix = values['no-prefix'] ? null : values.prefix;
  const base = { name, ...(prefix !== undefined && { prefix }) };
  if (values.url !== undefined) {
    if (command.length > 0)
      throw new InputError('usage', 'A server has a --url or a command after --, not both.');
    return {
      ...base,
      url: values.url,
      headers: pairs(values.header, ':', '--header "Name: value"'),
      secretHeaders: pairs(values['secret-header'], ':', '--secret-header "Name: value"'),
    };
  }
  const [program, ...programArgs] = command;
  if (program === undefined)
    throw new InputError(
      'usage',
      `"servers add" needs the server's command after --, or --url: mcp-tray servers add ${name} -- npx -y @modelcontextprotocol/server-everything`,
    );
  return {
    ...base,
    // A path typed relative to here means here: the server starts in another folder.
    command: /[\\/]/.test(program) ? resolve(program) : program,
    args: programArgs,
    ...(values.cwd !== undefined && { cwd: resolve(values.cwd) }),
    env: pairs(values.env, '=', '--env NAME=value'),
    secretEnv: pairs(values['secret-env'], '=', '--secret-env NAME=value'),
  };
}

function startedLine(name: string, probe: Probe | undefined): string {
  if (probe === undefined)
    return `It was not started now (--no-check): its tools are approved at its first start.`;
  if (probe.started)
    return `It started and offers ${probe.tools.length} ${probe.tools.length === 1 ? 'tool' : 'tools'}${probe.tools.length > 0 ? ` (${probe.tools.map((t) => t.name).join(', ')})` : ''}, approved as they are now.`;
  return `It did not start just now: ${probe.reason}. It is kept; "mcp-tray servers logs ${name}" shows what it says when MCP Tray starts it.`;
}

/**
 * `servers add`: the server is started once (unless --no-check) so that a command that does not exist or
 * tool names that others have are refused now, and the tools the person saw are the approved ones.
 */
export async function serversAdd(
  request: { name: string; values: AddOptions; command: string[] },
  file: ServersFile,
  secrets: SecretStore,
  io: CommandIo,
): Promise<number> {
  const input = newServer(request.name, request.values, request.command);
  const check: AddCheck | undefined = request.values['no-check']
    ? undefined
    : {
        probe: (entry) => probeServer(entry, { secrets, host: currentHost, version: appVersion() }),
        builtInTools: [...BUILTIN_TOOL_NAMES],
      };
  const { entry, movedToSecrets, probe } = await addServer(file, secrets, input, Date.now, check);
  for (const moved of movedToSecrets)
    io.logger.warn(
      `${moved} looks like a secret: its value is kept in the secret store, not in servers.json.`,
    );
  io.stdout(
    `Added "${entry.name}". ${startedLine(entry.name, probe)} A running MCP Tray starts it within a few seconds; its tools are offered as ${entry.prefix === null ? 'their own names' : `${entry.prefix}__<tool>`}.\n`,
  );
  return 0;
}

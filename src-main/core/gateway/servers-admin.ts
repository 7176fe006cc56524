import { InputError, NotFoundError } from '../app-error.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import { looksSecret, SERVER_NAME, TOOL_PREFIX, type ServerEntry, type ToolPin } from './server-entry.ts';
import { deleteServerSecrets, serverSecretAccount, storeServerSecrets } from './server-secrets.ts';
import { checkedAtAdd, type AddCheck } from './server-add-check.ts';
import type { Probe } from './server-probe.ts';
import type { ServersFile } from './servers-file.ts';

interface NewServerBase {
  name: string;
  /** The prefix of its tools: its name when absent, none when null. */
  prefix?: string | null;
  enabled?: boolean;
}

export interface NewStdioServer extends NewServerBase {
  command: string;
  args: string[];
  cwd?: string;
  env: Record<string, string>;
  secretEnv: Record<string, string>;
}

export interface NewRemoteServer extends NewServerBase {
  url: string;
  headers: Record<string, string>;
  secretHeaders: Record<string, string>;
}

export type NewServer = NewStdioServer | NewRemoteServer;

/** What adding a server did besides adding it, to tell the person. */
export interface Added {
  entry: ServerEntry;
  /** Plain values whose names look secret, moved to the secret store instead of servers.json. */
  movedToSecrets: string[];
  /** What starting it once showed, when it was tried. */
  probe?: Probe;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

function checkName(name: string): string {
  if (!SERVER_NAME.test(name))
    throw new InputError(
      'invalid_server_name',
      `"${name}" is not a server name: use 1 to 32 lower-case letters, digits and dashes, like "github" or "my-files".`,
      { field: 'name' },
    );
  return name;
}

function checkPrefix(prefix: string | null | undefined, name: string): string | null {
  if (prefix === undefined) return name;
  if (prefix !== null && !TOOL_PREFIX.test(prefix))
    throw new InputError(
      'invalid_prefix',
      `"${prefix}" is not a tool prefix: use 1 to 32 lower-case letters, digits, dashes and underscores.`,
      { field: 'prefix' },
    );
  return prefix;
}

function checkNames(values: Record<string, string>, pattern: RegExp, what: 'env' | 'header'): void {
  for (const name of Object.keys(values))
    if (!pattern.test(name))
      throw new InputError(
        what === 'env' ? 'invalid_env' : 'invalid_header',
        what === 'env'
          ? `"${name}" is not an environment variable name (letters, digits and _, not starting with a digit).`
          : `"${name}" is not an HTTP header name.`,
        { field: what },
      );
}

/** Splits plain values into those kept in servers.json and those whose names look secret. */
function splitSecrets(plain: Record<string, string>, secret: Record<string, string>) {
  const kept: Record<string, string> = {};
  const secrets = { ...secret };
  const moved: string[] = [];
  for (const [name, value] of Object.entries(plain)) {
    if (looksSecret(name) && !Object.hasOwn(secrets, name)) {
      secrets[name] = value;
      moved.push(name);
    } else kept[name] = value;
  }
  return { kept, secrets, moved };
}

/** The entry for a new server, its secret values apart; throws an InputError naming what is wrong. */
function entryOf(input: NewServer, addedAt: string) {
  const name = checkName(input.name);
  const common = { name, enabled: input.enabled ?? true, prefix: checkPrefix(input.prefix, name), addedAt };
  if ('url' in input) {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      url = new URL('invalid:');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new InputError(
        'invalid_server_url',
        `"${input.url}" is not the URL of an MCP server; give its Streamable HTTP endpoint, like https://mcp.example.com/mcp.`,
        { field: 'url' },
      );
    checkNames({ ...input.headers, ...input.secretHeaders }, HEADER_NAME, 'header');
    const { kept, secrets, moved } = splitSecrets(input.headers, input.secretHeaders);
    const entry: ServerEntry = {
      ...common,
      kind: 'remote',
      url: url.href,
      headers: kept,
      secretHeaders: Object.keys(secrets),
    };
    return { entry, secrets, kind: 'header' as const, moved };
  }
  if (input.command.trim() === '')
    throw new InputError(
      'invalid_server_command',
      'A server needs the command that starts it, such as: npx -y @modelcontextprotocol/server-everything',
      { field: 'command' },
    );
  checkNames({ ...input.env, ...input.secretEnv }, ENV_NAME, 'env');
  const { kept, secrets, moved } = splitSecrets(input.env, input.secretEnv);
  const entry: ServerEntry = {
    ...common,
    kind: 'stdio',
    command: input.command,
    args: input.args,
    ...(input.cwd !== undefined && { cwd: input.cwd }),
    env: kept,
    secretEnv: Object.keys(secrets),
  };
  return { entry, secrets, kind: 'env' as const, moved };
}

const taken = (name: string) =>
  new InputError(
    'server_exists',
    `A server named "${name}" exists already; pick another name, or remove it first.`,
    {
      field: 'name',
    },
  );

const unknown = (name: string) =>
  new NotFoundError('unknown_server', `No server is named "${name}".`, { field: 'name' });

/**
 * Adds a server: its secret values to the secret store first, then (with `check`) it is started once,
 * then the entry goes to servers.json.
 */
export async function addServer(
  file: ServersFile,
  secrets: SecretStore,
  input: NewServer,
  now: () => number,
  check?: AddCheck,
): Promise<Added> {
  const { entry, secrets: values, kind, moved } = entryOf(input, new Date(now()).toISOString());
  const existing = (await file.read()).servers;
  if (existing.some((s) => s.name === entry.name)) throw taken(entry.name);
  await storeServerSecrets(secrets, entry.name, kind, values);
  let probe: Probe | undefined;
  try {
    if (check !== undefined) probe = await checkedAtAdd(entry, check, existing);
    await file.update((servers) => {
      if (servers.some((s) => s.name === entry.name)) throw taken(entry.name);
      servers.push(entry);
    });
  } catch (error) {
    for (const name of Object.keys(values))
      await secrets.delete(serverSecretAccount(entry.name, kind, name)).catch(() => false);
    throw error;
  }
  return { entry, movedToSecrets: moved, ...(probe !== undefined && { probe }) };
}

/** Removes a server from servers.json, then its secret values. */
export async function removeServer(
  file: ServersFile,
  secrets: SecretStore,
  name: string,
): Promise<ServerEntry> {
  const removed = await file.update((servers) => {
    const index = servers.findIndex((s) => s.name === name);
    if (index < 0) throw unknown(name);
    return servers.splice(index, 1)[0] as ServerEntry;
  });
  await deleteServerSecrets(secrets, removed);
  return removed;
}

/** Turns a server on or off; says whether anything changed. */
export async function setServerEnabled(file: ServersFile, name: string, enabled: boolean): Promise<boolean> {
  return file.update((servers) => {
    const found = servers.find((s) => s.name === name);
    if (found === undefined) throw unknown(name);
    const changed = found.enabled !== enabled;
    found.enabled = enabled;
    return changed;
  });
}

/**
 * Approves a server's tools: the held-back ones as they are offered now (from the running server), or, with
 * no running server to say what it offers, whatever it offers at its next start.
 */
export async function approveServer(
  file: ServersFile,
  name: string,
  offered: Record<string, ToolPin> | undefined,
): Promise<'approved' | 'at-next-start'> {
  return file.update((servers) => {
    const found = servers.find((s) => s.name === name);
    if (found === undefined) throw unknown(name);
    if (offered === undefined) {
      delete found.approvedTools;
      return 'at-next-start';
    }
    found.approvedTools = { ...found.approvedTools, ...offered };
    return 'approved';
  });
}

import type { InvokeInput } from '../../../src-shared/dashboard-contract.ts';

export interface ServerForm {
  name: string;
  kind: 'stdio' | 'remote';
  command: string;
  /** One argument per line (so paths with spaces need no quoting). */
  args: string;
  cwd: string;
  /** `NAME=value`, one per line. */
  env: string;
  secretEnv: string;
  url: string;
  /** `Name: value`, one per line. */
  headers: string;
  secretHeaders: string;
  /** Empty: the server's name. */
  prefix: string;
  ownNames: boolean;
}

export const EMPTY_SERVER_FORM: ServerForm = {
  name: '',
  kind: 'stdio',
  command: '',
  args: '',
  cwd: '',
  env: '',
  secretEnv: '',
  url: '',
  headers: '',
  secretHeaders: '',
  prefix: '',
  ownNames: false,
};

export type ServerField =
  'name' | 'command' | 'env' | 'secretEnv' | 'url' | 'headers' | 'secretHeaders' | 'prefix';

/** A form the server would refuse, said beside its field; the server checks it all again. */
export class ServerFormProblem extends Error {
  readonly field: ServerField;
  constructor(field: ServerField, message: string) {
    super(message);
    this.field = field;
  }
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** `NAME=value` (or `Name: value`) lines as a record, or the first line that is not of that form. */
export function pairLines(text: string, separator: '=' | ':', field: ServerField): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of lines(text)) {
    const at = line.indexOf(separator);
    if (at <= 0)
      throw new ServerFormProblem(
        field,
        `“${line}” is not of the form ${separator === '=' ? 'NAME=value' : 'Name: value'}.`,
      );
    result[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return result;
}

/** What servers.add takes for a form, or a ServerFormProblem naming the field at fault. */
export function serverInput(form: ServerForm): InvokeInput<'servers.add'> {
  const name = form.name.trim();
  if (!/^[a-z0-9-]{1,32}$/.test(name))
    throw new ServerFormProblem(
      'name',
      'Give a name of 1 to 32 lower-case letters, digits and dashes, like “github”.',
    );
  const prefix = form.ownNames ? null : form.prefix.trim() === '' ? undefined : form.prefix.trim();
  const common = { name, ...(prefix !== undefined && { prefix }) };
  if (form.kind === 'remote') {
    if (!/^https?:\/\/\S+$/.test(form.url.trim()))
      throw new ServerFormProblem(
        'url',
        'Give the server’s Streamable HTTP address, like https://mcp.example.com/mcp.',
      );
    return {
      ...common,
      url: form.url.trim(),
      headers: pairLines(form.headers, ':', 'headers'),
      secretHeaders: pairLines(form.secretHeaders, ':', 'secretHeaders'),
    };
  }
  if (form.command.trim() === '')
    throw new ServerFormProblem('command', 'Give the command that starts the server, such as npx.');
  return {
    ...common,
    command: form.command.trim(),
    args: lines(form.args),
    ...(form.cwd.trim() !== '' && { cwd: form.cwd.trim() }),
    env: pairLines(form.env, '=', 'env'),
    secretEnv: pairLines(form.secretEnv, '=', 'secretEnv'),
  };
}

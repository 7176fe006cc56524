import { parseArgs } from 'node:util';
import { InputError } from '../core/app-error.ts';
import { FILE_STORE_WARNING } from './secret-store-advice.ts';
import { environmentKeyCallers } from '../core/auth/environment-key-registry.ts';
import { refuseEnvironmentKey } from '../core/keys/environment-keys.ts';
import { parseSecretStoreKind } from '../core/keys/open-secret-store.ts';
import { parseDuration, parseRate } from '../core/keys/quantity-parsers.ts';
import { resolveDataDir } from '../core/server/server-config.ts';
import type { CommandIo } from './command-io.ts';
import { openKeyStore } from './open-key-store.ts';
import { describeKey, keyUses, KEYS_HELP, table } from './keys-output.ts';

const OPTIONS = {
  'data-dir': { type: 'string' },
  'secret-store': { type: 'string' },
  json: { type: 'boolean' },
  name: { type: 'string' },
  permissions: { type: 'string' },
  'expires-in': { type: 'string' },
  expiry: { type: 'boolean' },
  'rate-limit': { type: 'string' },
  grace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function permissionList(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
}

export async function keysCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: OPTIONS,
    allowPositionals: true,
    allowNegative: true,
  });
  const [action, target, ...extra] = positionals;
  if (values.help || action === undefined || action === 'help') {
    io.stdout(KEYS_HELP);
    return action === undefined && !values.help ? 2 : 0;
  }
  if (extra.length > 0) throw new InputError('usage', `Unexpected "${extra.join(' ')}". ${KEYS_HELP}`);
  const needsTarget = ['reveal', 'rotate', 'update', 'revoke', 'delete'];
  if (needsTarget.includes(action) && target === undefined) {
    throw new InputError('usage', `"keys ${action}" needs a key id or name: mcp-tray keys ${action} ID`);
  }
  const fromEnvironment = environmentKeyCallers(io.env['MCP_API_KEYS'], (message) => io.logger.warn(message));
  if (needsTarget.includes(action) && action !== 'reveal')
    refuseEnvironmentKey(fromEnvironment, target ?? '');
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const kind = parseSecretStoreKind(values['secret-store']);
  if (kind === 'file') io.logger.warn(FILE_STORE_WARNING);
  const store = await openKeyStore(dataDir, kind, io);
  const print = (value: unknown) =>
    io.stdout(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
  // An empty value ("--expires-in ''") is refused by the parser, never read as "no expiry".
  const expiry = () =>
    values.expiry === false
      ? null
      : values['expires-in'] !== undefined
        ? new Date(Date.now() + parseDuration(values['expires-in'], 'expiry'))
        : undefined;
  const rate = () =>
    values['rate-limit'] === undefined
      ? undefined
      : values['rate-limit'] === 'default'
        ? null
        : parseRate(values['rate-limit']);

  switch (action) {
    case 'create': {
      if (values.name === undefined)
        throw new InputError('usage', '"keys create" needs --name, such as --name "Cursor".');
      const { key, secret } = await store.create({
        name: values.name,
        permissions: permissionList(values.permissions) ?? ['*'],
        expiresAt: expiry() ?? null,
        rateLimit: rate() ?? null,
      });
      if (values.json)
        print({
          id: key.id,
          key: secret,
          name: key.name,
          permissions: key.permissions,
          expiresAt: key.expiresAt,
          rateLimit: key.rateLimit,
        });
      else {
        print(secret);
        io.logger.info(
          `Created key "${key.name}" (${key.id}) in ${store.secretStoreLabel}. "mcp-tray keys reveal ${key.id}" shows it again.`,
        );
      }
      return 0;
    }
    case 'list': {
      const { keys, problems } = await store.list();
      const environment = fromEnvironment;
      for (const problem of problems) io.logger.warn(problem);
      if (values.json) {
        print({
          keys,
          environmentKeys: environment.map((c) => ({
            id: c.keyId,
            name: c.keyName,
            permissions: c.permissions,
            source: 'environment',
            readOnly: true,
          })),
          problems,
        });
        return 0;
      }
      const header = [
        'ID',
        'NAME',
        'PREFIX',
        'PERMISSIONS',
        'STATUS',
        'CREATED',
        'LAST USED',
        'REQUESTS',
        'EXPIRES',
        'RATE LIMIT',
      ];
      const envRows = environment.map((c) => [
        c.keyId,
        c.keyName,
        '-',
        c.permissions.join(','),
        'from environment (read-only)',
        '-',
        '-',
        '-',
        '-',
        'default',
      ]);
      print(
        keys.length + envRows.length === 0
          ? 'No keys yet. Create one with: mcp-tray keys create --name "My client"'
          : table([header, ...keys.map(describeKey), ...envRows]),
      );
      return 0;
    }
    case 'reveal':
      print(await store.reveal(target as string));
      return 0;
    case 'rotate': {
      const { key, secret } = await store.rotate(
        target as string,
        values.grace !== undefined ? parseDuration(values.grace, 'grace period') : 0,
      );
      if (values.json) print({ id: key.id, key: secret, graceUntil: key.grace?.until ?? null });
      else {
        print(secret);
        io.logger.info(
          key.grace
            ? `Rotated "${key.name}"; the old secret keeps working until ${key.grace.until}.`
            : `Rotated "${key.name}"; the old secret no longer works.`,
        );
      }
      return 0;
    }
    case 'update': {
      const key = await store.update(target as string, {
        ...(values.name !== undefined && { name: values.name }),
        ...(values.permissions !== undefined && { permissions: permissionList(values.permissions) ?? [] }),
        ...(expiry() !== undefined && { expiresAt: expiry() ?? null }),
        ...(values['rate-limit'] !== undefined && { rateLimit: rate() ?? null }),
      });
      print(values.json ? key : `Updated "${key.name}" (${key.id}).`);
      return 0;
    }
    case 'revoke': {
      const key = await store.revoke(target as string);
      print(`Revoked "${key.name}" (${key.id}); clients using it are refused from now on.`);
      for (const line of await keyUses(dataDir, key.id)) print(line);
      return 0;
    }
    case 'delete':
      await store.delete(target as string);
      print(`Deleted ${target}.`);
      return 0;
    default:
      throw new InputError('usage', `Unknown keys command "${action}".\n\n${KEYS_HELP}`);
  }
}

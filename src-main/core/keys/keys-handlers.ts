import type { Caller } from '../../../src-shared/caller.ts';
import type { ConnectionTest } from '../../../src-shared/dashboard-contract.ts';
import type { HandlerSlice } from '../contract-handlers.ts';
import { refuseEnvironmentKey } from './environment-keys.ts';
import { environmentKeyRow, keyRow } from './key-rows.ts';
import type { KeyStore } from './key-store.ts';

export type KeysChannel =
  | 'keys.list'
  | 'keys.create'
  | 'keys.reveal'
  | 'keys.rotate'
  | 'keys.update'
  | 'keys.revoke'
  | 'keys.delete'
  | 'keys.test';

export interface KeysHandlersDeps {
  keyStore: KeyStore;
  environmentKeys: readonly Caller[];
  /** A real MCP connect and tools/list with this secret. */
  testKey: (secret: string) => Promise<ConnectionTest>;
  now: () => number;
}

const after = (now: () => number, seconds: number | null | undefined) =>
  seconds === undefined ? undefined : seconds === null ? null : new Date(now() + seconds * 1000);

/** The keys feature's part of the dashboard contract. */
export function keysHandlers(deps: KeysHandlersDeps): HandlerSlice<KeysChannel> {
  const writable = (id: string) => refuseEnvironmentKey(deps.environmentKeys, id);
  return {
    'keys.list': async () => {
      const { keys, problems } = await deps.keyStore.list();
      return { keys: [...keys.map(keyRow), ...deps.environmentKeys.map(environmentKeyRow)], problems };
    },
    'keys.create': async (input) => {
      const expiresAt = after(deps.now, input.expiresInSeconds);
      const { key, secret } = await deps.keyStore.create({
        name: input.name,
        permissions: input.permissions,
        ...(expiresAt !== undefined && { expiresAt }),
        ...(input.rateLimit !== undefined && { rateLimit: input.rateLimit }),
      });
      return { key: keyRow(key), secret };
    },
    'keys.reveal': async ({ id }) => ({ secret: await deps.keyStore.reveal(id) }),
    'keys.rotate': async ({ id, graceSeconds }) => {
      writable(id);
      const { key, secret } = await deps.keyStore.rotate(id, (graceSeconds ?? 0) * 1000);
      return { key: keyRow(key), secret };
    },
    'keys.update': async ({ id, name, permissions, expiresInSeconds, rateLimit }) => {
      writable(id);
      const expiresAt = after(deps.now, expiresInSeconds);
      const key = await deps.keyStore.update(id, {
        ...(name !== undefined && { name }),
        ...(permissions !== undefined && { permissions }),
        ...(expiresAt !== undefined && { expiresAt }),
        ...(rateLimit !== undefined && { rateLimit }),
      });
      return { key: keyRow(key) };
    },
    'keys.revoke': async ({ id }) => {
      writable(id);
      return { key: keyRow(await deps.keyStore.revoke(id)) };
    },
    'keys.delete': async ({ id }) => {
      writable(id);
      await deps.keyStore.delete(id);
      return {};
    },
    'keys.test': async ({ id }) => deps.testKey(await deps.keyStore.reveal(id)),
  };
}

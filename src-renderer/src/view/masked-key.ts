import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';

/** What a config shows in place of a key until the person asks to see it: its prefix and dots. */
export function maskedKey(key: Pick<KeyRow, 'prefix'>): string {
  return `${key.prefix.replace(/…$/, '')}••••••••`;
}

/** A key as pickers name it: its name, and its id as well when another key has the same name. */
export function keyLabel(key: Pick<KeyRow, 'id' | 'name'>, keys: readonly Pick<KeyRow, 'name'>[]): string {
  return keys.filter((other) => other.name === key.name).length > 1 ? `${key.name} (${key.id})` : key.name;
}

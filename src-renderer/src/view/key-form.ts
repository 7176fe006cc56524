import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { sameGrants } from './permission-presets.ts';
import { expiryLabel } from './time-format.ts';

/** What the key dialog holds when Save is pressed. */
export interface KeyForm {
  name: string;
  permissions: string[];
  rateLimit: { limit: number; windowSeconds: number } | null;
  /** undefined: keep the expiry as it is; null: never expires. */
  expiresInSeconds: number | null | undefined;
}

export interface ExpiryChoice {
  label: string;
  seconds: number | null | undefined;
}

const DAYS = [7, 30, 90];

/** The expiry menu: when creating, never or a few days out; when editing, keep, remove, or a new date. */
export function expiryChoices(current: string | null, editing: boolean, now = Date.now()): ExpiryChoice[] {
  const ahead = DAYS.map((days) => ({
    label: editing ? `${days} days from now` : `${days} days`,
    seconds: days * 86_400,
  }));
  if (!editing) return [{ label: 'Never', seconds: null }, ...ahead];
  if (current === null) return [{ label: 'Keep: never expires', seconds: undefined }, ...ahead];
  const keep = `Keep: ${expiryLabel(current, now) === 'expired' ? 'expired' : `expires ${current.slice(0, 10)}`}`;
  return [
    { label: keep, seconds: undefined },
    { label: 'Never (remove the expiry)', seconds: null },
    ...ahead,
  ];
}

function sameRate(a: KeyForm['rateLimit'], b: KeyRow['rateLimit']): boolean {
  return a === null || b === null ? a === b : a.limit === b.limit && a.windowSeconds === b.windowSeconds;
}

/** Only what the person changed, so a Save never rewrites grants, rates or an expiry they did not touch. */
export function keyChanges(
  row: KeyRow,
  form: KeyForm,
): {
  name?: string;
  permissions?: string[];
  rateLimit?: KeyForm['rateLimit'];
  expiresInSeconds?: number | null;
} {
  return {
    ...(form.name !== row.name && { name: form.name }),
    ...(!sameGrants(form.permissions, row.permissions) && { permissions: form.permissions }),
    ...(!sameRate(form.rateLimit, row.rateLimit) && { rateLimit: form.rateLimit }),
    ...(form.expiresInSeconds !== undefined && { expiresInSeconds: form.expiresInSeconds }),
  };
}

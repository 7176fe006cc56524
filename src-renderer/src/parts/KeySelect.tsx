import { useId } from 'react';
import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { keyLabel } from '../view/masked-key.ts';

interface Props {
  keys: readonly KeyRow[];
  value: string;
  onChange: (keyId: string) => void;
  /** Offer "all keys" (value "") first, for filters. */
  allLabel?: string;
}

/** A labelled key picker (the label is its accessible name, whatever key is chosen). */
export function KeySelect({ keys, value, onChange, allLabel }: Props) {
  const labelId = useId();
  return (
    <label>
      <span id={labelId}>Key</span>{' '}
      <select aria-labelledby={labelId} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {keys.map((key) => (
          <option key={key.id} value={key.id}>
            {keyLabel(key, keys)}
          </option>
        ))}
      </select>
    </label>
  );
}

import type { ReactNode } from 'react';
import { SaveOutcome, type SaveOutcomeState } from './SaveOutcome.tsx';

/** One on/off setting: the checkbox and its label, what saving it did (beside it), and what it is for. */
export function SwitchSetting(props: {
  label: string;
  checked: boolean;
  /** Where its save outcome shows. */
  at: string;
  outcome: Omit<SaveOutcomeState, 'save'>;
  onChange: (on: boolean) => unknown;
  children: ReactNode;
}) {
  return (
    <div className="setting">
      <label className="choice">
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(e) => void props.onChange(e.target.checked)}
        />
        <span>{props.label}</span>
      </label>
      <SaveOutcome outcome={props.outcome} at={props.at} />
      <p className="muted">{props.children}</p>
    </div>
  );
}

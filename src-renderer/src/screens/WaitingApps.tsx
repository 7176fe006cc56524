import { useState } from 'react';
import type { APPROVAL_PRESETS, ApprovalPreset } from '../../../src-shared/approval-presets.ts';
import type { WaitingAppView } from '../../../src-shared/connected-app-view.ts';
import { timeAgo } from '../view/time-format.ts';

/**
 * Apps whose consent page is open in a browser: approve one here (choosing what it may do), or deny it. The
 * page in the browser then goes on by itself. Where the answer goes is said, so a look-alike name shows.
 */
export function WaitingApps(props: {
  waiting: WaitingAppView[];
  presets: typeof APPROVAL_PRESETS;
  approve: (uid: string, preset: ApprovalPreset) => void;
  deny: (uid: string) => void;
}) {
  const [chosen, setChosen] = useState<Record<string, ApprovalPreset>>({});
  return (
    <>
      {props.waiting.map((item) => {
        const preset = chosen[item.uid] ?? 'tools';
        return (
          <div
            key={item.uid}
            className="note"
            role="group"
            aria-label={`${item.clientName} wants to connect`}
          >
            <p>
              <strong>{item.clientName}</strong> wants to connect ({timeAgo(item.askedAt)}); your answer goes
              to <strong>{item.redirectHost}</strong>. Approve it only if you started this yourself.
            </p>
            <label>
              <span>It may</span>{' '}
              <select
                value={preset}
                onChange={(e) => setChosen({ ...chosen, [item.uid]: e.target.value as ApprovalPreset })}
              >
                {(Object.keys(props.presets) as ApprovalPreset[]).map((id) => (
                  <option key={id} value={id}>
                    {props.presets[id].label}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="button" className="button primary" onClick={() => props.approve(item.uid, preset)}>
              Approve {item.clientName}
            </button>{' '}
            <button type="button" className="button" onClick={() => props.deny(item.uid)}>
              Deny
            </button>
          </div>
        );
      })}
    </>
  );
}

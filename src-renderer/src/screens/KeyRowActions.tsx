import type { KeyRow } from '../../../src-shared/dashboard-contract.ts';
import { ActionMenu, type MenuAction } from '../parts/ActionMenu.tsx';
import { CopyButton } from '../parts/CopyButton.tsx';

interface Props {
  keyRow: KeyRow;
  revealed: boolean;
  reveal: () => Promise<string>;
  onToggleReveal: () => void;
  onTest: () => void;
  onEdit: () => void;
  onRotate: () => void;
  onRevoke: () => void;
  onDelete: () => void;
}

/**
 * One key's actions on one line: Copy connector key and Test, the rest in a menu where Revoke and Delete sit
 * apart. Every control names its key ("Revoke Cursor"), so a list of buttons says which is which.
 */
export function KeyRowActions({ keyRow: key, revealed, reveal, ...on }: Props) {
  const named = (label: string, run: () => void, more: Partial<MenuAction> = {}): MenuAction => ({
    label,
    ariaLabel: `${label} ${key.name}`,
    run,
    ...more,
  });
  const active = key.status === 'active';
  const editable = !key.readOnly && key.status !== 'revoked';
  const actions: MenuAction[] = [
    ...(active ? [named(revealed ? 'Hide' : 'Reveal', on.onToggleReveal)] : []),
    ...(editable ? [named('Edit', on.onEdit), named('Rotate', on.onRotate)] : []),
    ...(editable && key.status !== 'secret_missing'
      ? [named('Revoke', on.onRevoke, { danger: true, apart: true })]
      : []),
    ...(!key.readOnly && (key.status === 'revoked' || key.status === 'secret_missing')
      ? [named('Delete', on.onDelete, { danger: true, apart: true })]
      : []),
  ];
  return (
    <div className="row-actions-inner">
      {active && (
        <CopyButton text={reveal} label="Copy connector key" ariaLabel={`Copy connector key ${key.name}`} />
      )}
      {active && (
        <button type="button" className="button" aria-label={`Test ${key.name}`} onClick={on.onTest}>
          Test
        </button>
      )}
      {actions.length > 0 && <ActionMenu label="More" ariaLabel={`More for ${key.name}`} actions={actions} />}
    </div>
  );
}

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuAction {
  label: string;
  /** The accessible name, when the label alone would not say which row it is for. */
  ariaLabel?: string;
  run: () => void;
  danger?: boolean;
  /** Starts a group of its own, drawn apart (Revoke away from Rotate). */
  apart?: boolean;
}

/**
 * A "More" button opening a menu of actions: arrow keys move, Enter runs, Escape or a click elsewhere closes
 * and gives focus back to the button.
 */
export function ActionMenu({
  label,
  ariaLabel,
  actions,
}: {
  label: string;
  ariaLabel: string;
  actions: MenuAction[];
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const outside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
  };
  return (
    <span className="menu">
      <button
        ref={button}
        type="button"
        className="button"
        aria-label={ariaLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label} ▾
      </button>
      {open && (
        <div ref={menu} id={id} role="menu" className="menu-items" onKeyDown={onKey}>
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              role="menuitem"
              className={`menu-item ${action.danger ? 'danger' : ''} ${action.apart ? 'apart' : ''}`}
              aria-label={action.ariaLabel}
              onClick={() => {
                close();
                action.run();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}

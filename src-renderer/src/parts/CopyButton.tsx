import { useEffect, useState } from 'react';

interface Props {
  /** The text, or a function that fetches it (a key is revealed only when copied). */
  text: string | (() => Promise<string>);
  label?: string;
  /** For screen readers when the label alone is not enough. */
  ariaLabel?: string;
  className?: string;
}

/** Copies to the clipboard and says so ("Copied"), or says why not. */
export function CopyButton({ text, label = 'Copy', ariaLabel, className = '' }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1800);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      const value = typeof text === 'string' ? text : await text();
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <button
      type="button"
      className={`button ${className}`}
      onClick={() => void copy()}
      aria-label={ariaLabel}
    >
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      </span>
    </button>
  );
}

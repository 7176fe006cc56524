import { CopyButton } from './CopyButton.tsx';

/** A value shown as code with a button that copies it (the MCP URL, a callback URL, a folder path). */
export function CopyableText({ text, label, ariaLabel }: { text: string; label: string; ariaLabel: string }) {
  return (
    <div className="url">
      <code>{text}</code>
      <CopyButton text={text} label={label} ariaLabel={ariaLabel} />
    </div>
  );
}

/** A unified diff, each line marked as added, removed or kept (by colour and by its + or - sign). */
export function DiffView({ diff, label }: { diff: string; label: string }) {
  const lines = diff.replace(/\n$/, '').split('\n');
  const kind = (line: string) =>
    line.startsWith('+++') || line.startsWith('---') || line.startsWith('@@')
      ? 'diff-meta'
      : line.startsWith('+')
        ? 'diff-added'
        : line.startsWith('-')
          ? 'diff-removed'
          : 'diff-kept';
  return (
    <pre className="diff" tabIndex={0} aria-label={label} data-testid="connect-diff">
      {lines.map((line, index) => (
        <span key={index} className={kind(line)}>
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}

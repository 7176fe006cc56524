import { createTwoFilesPatch } from 'diff';

/** A key as a diff shows it: its first characters, the rest hidden. */
const masked = (key: string) => `${key.slice(0, 8)}••••••••`;

/**
 * A unified diff of a client's file (`null`: no file), with every one of `secrets` masked: the preview says
 * what changes without putting a key on the screen or in a terminal's scrollback.
 */
export function fileDiff(
  file: string,
  before: string | null,
  after: string | null,
  secrets: string[],
): string {
  const hide = (text: string) =>
    secrets.filter(Boolean).reduce((out, key) => out.replaceAll(key, masked(key)), text);
  const patch = createTwoFilesPatch(
    file,
    file,
    hide(before ?? ''),
    hide(after ?? ''),
    before === null ? '(no file yet)' : 'now',
    after === null ? '(removed)' : 'after',
    { context: 3 },
  );
  // "Index:" and "=====" only separate the files of a multi-file patch.
  return patch.replace(/^Index: .*\n=+\n/, '');
}

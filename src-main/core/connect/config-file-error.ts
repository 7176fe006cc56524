import { InputError } from '../app-error.ts';

/**
 * A client's config file MCP Tray will not change: it cannot be read as its format (said with the line and
 * column), or an edit would have changed more than MCP Tray's own entry. The file is left as it was.
 */
export class ConfigFileError extends InputError {
  constructor(
    message: string,
    code: 'config_file_unreadable' | 'config_edit_refused' = 'config_file_unreadable',
  ) {
    super(code, message);
    this.name = 'ConfigFileError';
  }
}

/** The 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

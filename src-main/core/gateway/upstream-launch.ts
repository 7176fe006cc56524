/** How one stdio server is started: decided here as a pure function of the entry and the machine. */
export interface LaunchPlan {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  /** POSIX: its own process group, so stopping it ends its children too. */
  detached: boolean;
  /** Windows: arguments already quoted for cmd.exe. */
  windowsVerbatimArguments: boolean;
}

export interface LaunchHost {
  platform: NodeJS.Platform;
  /** MCP Tray's own environment. */
  env: NodeJS.ProcessEnv;
  /** macOS: PATH as the user's login shell sets it (apps started from the Dock get a bare one). */
  loginPath?: string | undefined;
}

/** Node's package runners are batch shims on Windows, which spawn cannot run without cmd.exe. */
const WINDOWS_SHIMS = new Set(['npx', 'npm', 'pnpm', 'pnpx', 'yarn', 'corepack', 'bunx']);

/** One argument quoted for cmd.exe's `/s /c "..."` line. */
export function cmdQuote(arg: string): string {
  if (arg !== '' && !/[\s"&|<>^()%!,;=]/.test(arg)) return arg;
  return `"${arg.replace(/"/g, '""')}"`;
}

/** PATH with the login shell's entries first and MCP Tray's own after them, each once. */
export function mergedPath(
  loginPath: string | undefined,
  current: string | undefined,
  separator: string,
): string {
  const seen = new Set<string>();
  const parts = [...(loginPath ?? '').split(separator), ...(current ?? '').split(separator)];
  return parts.filter((part) => part !== '' && !seen.has(part) && seen.add(part)).join(separator);
}

/**
 * The process to start for a stdio server: its command with its arguments, MCP Tray's environment with the
 * server's own variables (and secrets) over it; on macOS the login shell's PATH, on Windows `npx` and the
 * like through their `.cmd` shims and cmd.exe.
 */
export function launchPlan(
  entry: { command: string; args: readonly string[]; cwd?: string | undefined; env: Record<string, string> },
  secrets: Record<string, string>,
  host: LaunchHost,
): LaunchPlan {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(host.env)) if (value !== undefined) env[name] = value;
  if (host.platform === 'darwin' && host.loginPath !== undefined)
    env['PATH'] = mergedPath(host.loginPath, env['PATH'], ':');
  Object.assign(env, entry.env, secrets);
  const base = { env, ...(entry.cwd !== undefined && { cwd: entry.cwd }) };
  if (host.platform !== 'win32')
    return {
      ...base,
      file: entry.command,
      args: [...entry.args],
      detached: true,
      windowsVerbatimArguments: false,
    };
  const command = WINDOWS_SHIMS.has(entry.command.toLowerCase()) ? `${entry.command}.cmd` : entry.command;
  if (!/\.(cmd|bat)$/i.test(command))
    return {
      ...base,
      file: command,
      args: [...entry.args],
      detached: false,
      windowsVerbatimArguments: false,
    };
  const line = [command, ...entry.args].map(cmdQuote).join(' ');
  return {
    ...base,
    file: host.env['ComSpec'] ?? 'cmd.exe',
    args: ['/d', '/s', '/c', `"${line}"`],
    detached: false,
    windowsVerbatimArguments: true,
  };
}

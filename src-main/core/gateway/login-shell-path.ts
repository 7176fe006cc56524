import { execFile } from 'node:child_process';
import type { LaunchHost } from './upstream-launch.ts';

/**
 * PATH as the user's login shell sets it, for servers started from an app that the Dock launched (such apps
 * get launchd's bare PATH, without Homebrew's or nvm's folders). Undefined when it cannot be read in time.
 */
export function loginShellPath(env: NodeJS.ProcessEnv, timeoutMs = 3_000): Promise<string | undefined> {
  const shell = env['SHELL'] ?? '/bin/zsh';
  return new Promise((resolve) => {
    execFile(
      shell,
      ['-ilc', 'printf "__PATH__%s__PATH__" "$PATH"'],
      { timeout: timeoutMs, env, encoding: 'utf8' },
      (error, stdout) => {
        const found = /__PATH__(.*)__PATH__/s.exec(stdout ?? '')?.[1];
        resolve(error === null && found !== undefined && found !== '' ? found : undefined);
      },
    );
  });
}

let current: Promise<LaunchHost> | undefined;

/** This machine as a stdio server starts on it (its login PATH read once, when first needed). */
export function currentHost(): Promise<LaunchHost> {
  current ??= (async () => ({
    platform: process.platform,
    env: process.env,
    loginPath: process.platform === 'darwin' ? await loginShellPath(process.env) : undefined,
  }))();
  return current;
}

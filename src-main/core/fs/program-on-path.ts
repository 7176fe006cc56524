import { access, constants } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';

/** The full path of `program` (a path, or a name looked up on PATH with Windows' extensions), or undefined. */
export async function programOnPath(
  program: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  const runnable = (path: string) =>
    access(path, platform === 'win32' ? constants.F_OK : constants.X_OK).then(
      () => true,
      () => false,
    );
  if (isAbsolute(program)) return (await runnable(program)) ? program : undefined;
  const names = platform === 'win32' ? [`${program}.exe`, `${program}.cmd`, program] : [program];
  for (const dir of (env['PATH'] ?? env['Path'] ?? '').split(delimiter).filter(Boolean))
    for (const name of names) if (await runnable(join(dir, name))) return join(dir, name);
  return undefined;
}

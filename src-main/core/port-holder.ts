import { execFile } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';

/**
 * Best effort: which program listens on `port`, as "name (pid N)", or undefined where the OS won't say.
 * Linux reads /proc; macOS asks lsof; Windows asks netstat and tasklist. Never takes more than ~2 s.
 */
export async function describePortHolder(
  port: number,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  try {
    if (platform === 'linux') return await linuxHolder(port);
    if (platform === 'darwin') return await darwinHolder(port);
    if (platform === 'win32') return await windowsHolder(port);
  } catch {
    // The OS would not tell; the message simply leaves the holder out.
  }
  return undefined;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 2000, windowsHide: true }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

async function listeningInodes(port: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const row of text.split('\n').slice(1)) {
      const fields = row.trim().split(/\s+/);
      // local_address is field 1 (ADDR:PORT), st is field 3 (0A = LISTEN), inode is field 9.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

async function linuxHolder(port: number): Promise<string | undefined> {
  const inodes = await listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode !== undefined && inodes.has(inode)) {
        return `${await linuxProgramName(pid)} (pid ${pid})`;
      }
    }
  }
  return undefined;
}

/**
 * What a person would call the process: its command line's program and script ("node mcp-tray.js"), not
 * /proc's comm, which is the main thread's name ("MainThread" for Node, Chromium and others).
 */
async function linuxProgramName(pid: string): Promise<string> {
  const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean);
  const [program, script] = argv.map((arg) => arg.split('/').pop() ?? arg);
  if (program === undefined)
    return (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim() || 'a program';
  const named = script !== undefined && !argv[1]?.startsWith('-') ? `${program} ${script}` : program;
  return named.length > 60 ? `${named.slice(0, 59)}…` : named;
}

async function darwinHolder(port: number): Promise<string | undefined> {
  const out = await run('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc']);
  const pid = /^p(\d+)$/m.exec(out)?.[1];
  const name = /^c(.+)$/m.exec(out)?.[1];
  return pid ? `${name ?? 'a program'} (pid ${pid})` : undefined;
}

async function windowsHolder(port: number): Promise<string | undefined> {
  const out = await run('netstat', ['-ano', '-p', 'tcp']);
  const row = out.split(/\r?\n/).find((line) => new RegExp(`:${port}\\s+\\S+\\s+LISTENING`, 'i').test(line));
  const pid = row?.trim().split(/\s+/).pop();
  if (!pid) return undefined;
  const task = await run('tasklist', ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH']);
  const name = /^"([^"]+)"/.exec(task.trim())?.[1];
  return `${name ?? 'a program'} (pid ${pid})`;
}

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A real, throw-away Secret Service for tests: a private D-Bus session bus (no auto-activation, so nothing
 * else answers) with gnome-keyring-daemon on it. Keychain tests run the CLI and the server with `env`.
 * Missing dbus-daemon or gnome-keyring makes this throw: keychain tests fail rather than skip.
 */
export interface SecretService {
  /** Environment for processes that should use this keychain. */
  env: Record<string, string>;
  /** Stops the keyring daemon and starts it again without unlocking: the login keyring is then locked. */
  relock(): Promise<void>;
  /** Freezes the keyring daemon (SIGSTOP): every call to it stalls until D-Bus gives up. */
  freeze(): void;
  /**
   * Kills the keyring daemon (SIGKILL) the way a crash does, with D-Bus set to start it again on the next
   * call, as a desktop session's bus does: the new daemon has the same keyring, locked, and answers reads
   * with "no secrets" rather than an error.
   */
  crash(): Promise<void>;
  /** Replaces whatever daemon runs with one that unlocks the keyring: the keys are readable again. */
  unlock(): Promise<void>;
  stop(): Promise<void>;
}

export interface SecretServiceOptions {
  /** Start gnome-keyring (default true); false leaves the bus with no Secret Service at all. */
  provider?: boolean;
  /** Unlock (and so create) the login keyring at start (default true). */
  unlock?: boolean;
}

const run = promisify(execFile);

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitForSecretsName(env: Record<string, string>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { stdout } = await run(
      'dbus-send',
      [
        '--session',
        '--dest=org.freedesktop.DBus',
        '--type=method_call',
        '--print-reply',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env: { ...process.env, ...env } },
    );
    if (/boolean true/.test(stdout)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('gnome-keyring-daemon did not register org.freedesktop.secrets within 10 s');
}

export async function startSecretService(options: SecretServiceOptions = {}): Promise<SecretService> {
  const root = mkdtempSync(join(tmpdir(), 'mcp-tray-keyring-'));
  const services = join(root, 'services');
  const runtime = join(root, 'runtime');
  const data = join(root, 'data');
  mkdirSync(services);
  mkdirSync(runtime);
  chmodSync(runtime, 0o700);
  mkdirSync(join(data, 'keyrings'), { recursive: true });
  const config = join(root, 'bus.conf');
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${root}</listen>
  <servicedir>${services}</servicedir>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`,
  );
  const bus = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    bus.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    bus.once('error', reject);
    bus.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
  });
  const env = {
    DBUS_SESSION_BUS_ADDRESS: address,
    XDG_DATA_HOME: data,
    XDG_RUNTIME_DIR: runtime,
    HOME: root,
  };

  let keyring: ChildProcess | undefined;
  const startKeyring = async (unlock: boolean) => {
    keyring = spawn(
      'gnome-keyring-daemon',
      ['--foreground', '--components=secrets', ...(unlock ? ['--unlock'] : [])],
      {
        env: { ...process.env, ...env },
        stdio: ['pipe', 'ignore', 'ignore'],
      },
    );
    keyring.stdin?.end(unlock ? 'test-password' : '');
    await waitForSecretsName(env);
  };
  const stopKeyring = async () => {
    if (keyring === undefined || exited(keyring)) return;
    keyring.kill('SIGCONT');
    keyring.kill('SIGTERM');
    await once(keyring, 'exit');
  };
  if (options.provider !== false) await startKeyring(options.unlock !== false);

  // What D-Bus runs to start a Secret Service on demand (after crash()): the same keyring folders, locked.
  const activatedPid = join(root, 'activated.pid');
  const stopActivated = () => {
    try {
      process.kill(Number(readFileSync(activatedPid, 'utf8')), 'SIGKILL');
    } catch {
      // none was started, or it is gone already
    }
    rmSync(activatedPid, { force: true });
  };
  const enableActivation = () => {
    const script = join(root, 'activate-keyring.sh');
    const vars = Object.entries(env)
      .map(([name, value]) => `${name}='${value}'`)
      .join(' ');
    writeFileSync(
      script,
      `#!/bin/sh\necho $$ > '${activatedPid}'\nexec env ${vars} gnome-keyring-daemon --start --foreground --components=secrets\n`,
      { mode: 0o755 },
    );
    writeFileSync(
      join(services, 'org.freedesktop.secrets.service'),
      `[D-BUS Service]\nName=org.freedesktop.secrets\nExec=${script}\n`,
    );
    // The bus reads service files again when asked to.
    return run(
      'dbus-send',
      [
        '--session',
        '--dest=org.freedesktop.DBus',
        '--type=method_call',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.ReloadConfig',
      ],
      { env: { ...process.env, ...env } },
    );
  };

  return {
    env,
    async relock() {
      await stopKeyring();
      await startKeyring(false);
    },
    freeze() {
      keyring?.kill('SIGSTOP');
    },
    async crash() {
      await enableActivation();
      if (keyring !== undefined && !exited(keyring)) {
        keyring.kill('SIGKILL');
        await once(keyring, 'exit');
      }
    },
    async unlock() {
      stopActivated();
      await stopKeyring();
      rmSync(join(services, 'org.freedesktop.secrets.service'), { force: true });
      await startKeyring(true);
    },
    async stop() {
      stopActivated();
      await stopKeyring();
      bus.kill('SIGTERM');
      if (bus.exitCode === null) await once(bus, 'exit');
    },
  };
}

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
  stop(): Promise<void>;
}

export interface SecretServiceOptions {
  /** Start gnome-keyring (default true); false leaves the bus with no Secret Service at all. */
  provider?: boolean;
  /** Unlock (and so create) the login keyring at start (default true). */
  unlock?: boolean;
}

const run = promisify(execFile);

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
    if (keyring === undefined || keyring.exitCode !== null) return;
    keyring.kill('SIGCONT');
    keyring.kill('SIGTERM');
    await once(keyring, 'exit');
  };
  if (options.provider !== false) await startKeyring(options.unlock !== false);

  return {
    env,
    async relock() {
      await stopKeyring();
      await startKeyring(false);
    },
    freeze() {
      keyring?.kill('SIGSTOP');
    },
    async stop() {
      await stopKeyring();
      bus.kill('SIGTERM');
      if (bus.exitCode === null) await once(bus, 'exit');
    },
  };
}

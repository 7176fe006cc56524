// `npm test` runs this first: it names, in one line, the system programs the tests need that this machine
// lacks (and how to install them), instead of letting dozens of tests fail one by one.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

interface Need {
  what: string;
  /** Found when any of these exists (an absolute path, or a program on PATH). */
  anyOf: string[];
}

const NEEDS: Need[] = [
  { what: 'chromium (the dashboard tests)', anyOf: [process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'] },
  { what: 'dbus-daemon (the keychain tests)', anyOf: ['dbus-daemon'] },
  { what: 'dbus-send (dbus-bin)', anyOf: ['dbus-send'] },
  { what: 'gnome-keyring (a real Secret Service)', anyOf: ['gnome-keyring-daemon'] },
  {
    what: 'libsecret-1-0 (what keytar talks through)',
    anyOf: ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib'].map((dir) =>
      join(dir, 'libsecret-1.so.0'),
    ),
  },
];

function found(name: string): boolean {
  if (name.startsWith('/')) return existsSync(name);
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)));
}

// A real client the tests drive that lives outside the lock file (scripts/install-test-clients.sh says why).
const OPENCODE = join(import.meta.dirname, '..', '.test-clients', 'node_modules', '.bin', 'opencode');
if (!existsSync(OPENCODE)) {
  console.error(
    'npm test needs opencode in .test-clients/ (a real MCP client): bash scripts/install-test-clients.sh',
  );
  process.exit(1);
}

if (process.platform === 'linux') {
  const missing = NEEDS.filter((need) => !need.anyOf.some(found)).map((need) => need.what);
  if (missing.length > 0) {
    console.error(
      `npm test needs system packages this machine lacks: ${missing.join(', ')}. On Debian or Ubuntu: sudo bash scripts/install-test-packages.sh`,
    );
    process.exit(1);
  }
}

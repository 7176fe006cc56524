import type { ErrorCode } from '../../../src-shared/error-codes.ts';
import { KeychainError } from '../app-error.ts';

/** What the OS keychain is called where the user will look for it. */
export function keychainLabel(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'the Secret Service keychain (gnome-keyring, KWallet or KeePassXC)';
}

const FALLBACK = 'On a headless machine without a keychain, key secrets can be kept in a file instead.';

/**
 * Turns what keytar (or the helper running it) reported into a message that says what is wrong, names the
 * keychain, and says what to do (the CLI adds the exact command that keeps secrets in a file). The raw
 * text is kept at the end for bug reports; it never holds a secret.
 */
export function keychainFailure(raw: string, platform: NodeJS.Platform = process.platform): KeychainError {
  const label = keychainLabel(platform);
  const detail = raw.trim() === '' ? '' : ` (${raw.trim()})`;
  const fail = (code: ErrorCode, what: string) => new KeychainError(code, `${what} ${FALLBACK}${detail}`);
  if (/Failed to load keytar native addon|libsecret|cannot open shared object/i.test(raw)) {
    return platform === 'linux'
      ? fail(
          'keychain_no_libsecret',
          `MCP Tray cannot load libsecret, which it needs to reach ${label}. Install it ("sudo apt install libsecret-1-0" on Debian or Ubuntu, "sudo dnf install libsecret" on Fedora).`,
        )
      : fail(
          'keychain_no_addon',
          `MCP Tray's keychain module did not load, so ${label} cannot be reached. Reinstall MCP Tray.`,
        );
  }
  if (
    /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect: No such file|Failed to connect to socket/i.test(
      raw,
    )
  ) {
    return fail(
      'keychain_no_dbus',
      `Cannot reach ${label}: there is no D-Bus session. Run MCP Tray inside a desktop session, or start one with "dbus-run-session -- <command>".`,
    );
  }
  if (/not provided by any \.service files|ServiceUnknown/i.test(raw)) {
    return fail(
      'keychain_no_provider',
      `No Secret Service is running on D-Bus, so ${label} is unavailable. Install and start one (for example "sudo apt install gnome-keyring").`,
    );
  }
  if (/Object does not exist at path .*collection\/login|No such object path/i.test(raw)) {
    return fail(
      'keychain_not_set_up',
      `${capitalize(label)} has no unlocked login keyring. Log into a desktop session once, or create and unlock it with "gnome-keyring-daemon --unlock".`,
    );
  }
  if (/locked collection|is locked|Cannot unlock|prompt/i.test(raw)) {
    return fail(
      'keychain_locked',
      `${capitalize(label)} is locked. Unlock it (log in, or open your keyring manager) and try again.`,
    );
  }
  if (/User canceled|denied|not allowed|errSecAuthFailed|-128|-25293/i.test(raw)) {
    return fail(
      'keychain_denied',
      `${capitalize(label)} refused access to MCP Tray's keys. Allow MCP Tray when the keychain asks.`,
    );
  }
  if (/timed out|Timeout was reached|did not answer/i.test(raw)) {
    return fail(
      'keychain_timeout',
      `${capitalize(label)} did not answer in time; it may be stuck or waiting for a password prompt nobody can see.`,
    );
  }
  return fail('keychain_failed', `${capitalize(label)} failed.`);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

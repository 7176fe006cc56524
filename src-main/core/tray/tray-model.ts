import type { SignInProvider } from '../../../src-shared/dashboard-contract.ts';
import { PRODUCT_NAME } from '../../../src-shared/product.ts';

import type { TrayState } from './icon-files.ts';
import { PROVIDER_NAME } from '../../../src-shared/sign-in-providers.ts';

/** What the tray shows; the Electron layer only renders this. */
export type TrayIcon = TrayState;

export type TrayAction =
  | { kind: 'copy-key'; keyId: string }
  | { kind: 'copy-url' }
  | { kind: 'copy-public-url' }
  | { kind: 'expose' }
  | { kind: 'stop-exposing' }
  | { kind: 'open-dashboard' }
  | { kind: 'start-server' }
  | { kind: 'stop-server' }
  | { kind: 'sign-in'; provider: SignInProvider }
  | { kind: 'sign-out' }
  | { kind: 'toggle-launch-at-login' }
  | { kind: 'quit' };

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; label: string; enabled: boolean; action?: TrayAction }
  | { type: 'checkbox'; label: string; checked: boolean; action: TrayAction }
  | { type: 'submenu'; label: string; items: TrayMenuItem[] };

export interface TrayInput {
  state: 'running' | 'paused' | 'stopped' | 'error';
  /** What is wrong, in a few words (the tray shows it; the dashboard has the fix). */
  error?: string;
  /** Something wrong while the server still runs (the keychain is locked): the icon shows error, the menu says it. */
  problem?: string;
  /** Requests in flight, held for a second by BusyHold so the icon does not flicker. */
  busy: boolean;
  host: string;
  port: number;
  /** Active stored keys the user can copy, by name. */
  keys: { id: string; name: string }[];
  signedInAs?: string;
  /** Sign-in providers set up in Settings (none: no sign-in items). */
  signInWith: SignInProvider[];
  launchAtLogin: boolean;
  /** The tunnel for a public URL: off, or on with its URL once it has one. */
  tunnel?: { on: boolean; publicUrl: string | null };
}

export interface TrayModel {
  icon: TrayIcon;
  tooltip: string;
  menu: TrayMenuItem[];
}

function statusLine(input: TrayInput): string {
  if (input.state === 'error') return `Error: ${input.error ?? 'the server could not start'}`;
  if (input.state === 'stopped') return 'Server stopped';
  const where = `${input.state === 'paused' ? 'Paused' : 'Running'} on ${input.host}:${input.port}`;
  return input.problem === undefined ? where : `${where}; ${input.problem}`;
}

function accountItems(input: TrayInput): TrayMenuItem[] {
  if (input.signedInAs !== undefined)
    return [
      { type: 'normal', label: `Signed in as @${input.signedInAs}`, enabled: false },
      { type: 'normal', label: 'Sign out', enabled: true, action: { kind: 'sign-out' } },
    ];
  return input.signInWith.map((provider) => ({
    type: 'normal',
    label: `Sign in with ${PROVIDER_NAME[provider]}`,
    enabled: input.state !== 'error',
    action: { kind: 'sign-in', provider },
  }));
}

function keyItems(keys: TrayInput['keys']): TrayMenuItem {
  if (keys.length === 0)
    return { type: 'normal', label: 'Copy connector key (create one first)', enabled: false };
  if (keys.length === 1) {
    const [only] = keys as [{ id: string; name: string }];
    return {
      type: 'normal',
      label: `Copy connector key (${only.name})`,
      enabled: true,
      action: { kind: 'copy-key', keyId: only.id },
    };
  }
  return {
    type: 'submenu',
    label: 'Copy connector key',
    items: keys.map((key) => ({
      type: 'normal',
      label: key.name,
      enabled: true,
      action: { kind: 'copy-key', keyId: key.id },
    })),
  };
}

/** "Expose to the internet", or the public URL to copy and the way to stop it. */
function tunnelItems(input: TrayInput): TrayMenuItem[] {
  if (input.tunnel?.on !== true)
    return [
      {
        type: 'normal',
        label: 'Expose to the internet',
        enabled: input.state === 'running',
        action: { kind: 'expose' },
      },
    ];
  const url = input.tunnel.publicUrl;
  return [
    url === null
      ? { type: 'normal', label: 'Public URL: starting…', enabled: false }
      : { type: 'normal', label: 'Copy public URL', enabled: true, action: { kind: 'copy-public-url' } },
    { type: 'normal', label: 'Stop exposing', enabled: true, action: { kind: 'stop-exposing' } },
  ];
}

/** What the tray says of the user's servers behind the gateway: those that failed (restarts gave up). */
export function failedServersProblem(
  servers: readonly { name: string; state: string }[],
): string | undefined {
  const failed = servers.filter((server) => server.state === 'failed').map((server) => `"${server.name}"`);
  if (failed.length === 0) return undefined;
  return `${failed.length === 1 ? 'server' : 'servers'} ${failed.join(', ')} failed (see Servers in the dashboard)`;
}

/** The tray for a state: icon, tooltip ("MCP Tray: running on 127.0.0.1:3210, 3 keys") and menu. */
export function trayModel(input: TrayInput): TrayModel {
  const icon: TrayIcon =
    input.state === 'error' || input.problem !== undefined
      ? 'error'
      : input.state !== 'running'
        ? 'stopped'
        : input.busy
          ? 'busy'
          : 'running';
  const keys = `${input.keys.length} ${input.keys.length === 1 ? 'key' : 'keys'}`;
  const tooltip =
    input.state === 'error'
      ? `${PRODUCT_NAME}: error: ${input.error ?? 'the server could not start'}`
      : `${PRODUCT_NAME}: ${input.state} on ${input.host}:${input.port}, ${keys}${input.tunnel?.publicUrl ? `, public at ${input.tunnel.publicUrl}` : ''}${input.problem === undefined ? '' : `; ${input.problem}`}`;
  const serving = input.state === 'running';
  return {
    icon,
    tooltip,
    menu: [
      { type: 'normal', label: statusLine(input), enabled: false },
      { type: 'separator' },
      keyItems(input.keys),
      {
        type: 'normal',
        label: 'Copy MCP URL',
        enabled: input.state !== 'error',
        action: { kind: 'copy-url' },
      },
      ...tunnelItems(input),
      { type: 'normal', label: 'Open dashboard', enabled: true, action: { kind: 'open-dashboard' } },
      { type: 'separator' },
      serving
        ? { type: 'normal', label: 'Stop server', enabled: true, action: { kind: 'stop-server' } }
        : { type: 'normal', label: 'Start server', enabled: true, action: { kind: 'start-server' } },
      ...accountItems(input),
      {
        type: 'checkbox',
        label: 'Launch at login',
        checked: input.launchAtLogin,
        action: { kind: 'toggle-launch-at-login' },
      },
      { type: 'separator' },
      { type: 'normal', label: 'Quit', enabled: true, action: { kind: 'quit' } },
    ],
  };
}

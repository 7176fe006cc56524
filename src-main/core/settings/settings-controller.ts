import type { InvokeInput, SettingsView } from '../../../src-shared/dashboard-contract.ts';
import { AppError } from '../app-error.ts';
import { hostForHeader, isLoopbackHost } from '../http/host-allowlist.ts';
import { checkPortFree } from './port-check.ts';
import type { SettingsFile } from './settings-file.ts';

/** Settings the running server applies at once (the rest wait for a restart). */
export interface LiveSettings {
  allowQueryKey: boolean;
  publicBaseUrl: string | undefined;
}

export interface SettingsControllerDeps {
  file: SettingsFile;
  live: LiveSettings;
  runningPort: number;
  host: string;
  dataDir: string;
  secretsIn: string;
  /** The Host allowlist of the running server: a public URL's host is added to it. */
  allowedHosts: Set<string>;
}

/** The public origin of a tunnel URL; https only (plain http is accepted for loopback, for testing). */
export function normalizePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new AppError(
      'invalid_public_url',
      `"${value}" is not a URL; give the tunnel's address, like https://tray.example.com.`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new AppError(
      'invalid_public_url',
      'The public URL must start with https:// (clients on the internet require it).',
    );
  }
  return url.origin;
}

function publicHosts(origin: string | undefined): string[] {
  if (origin === undefined) return [];
  const url = new URL(origin);
  const host = hostForHeader(url.hostname);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return [host, `${host}:${port}`];
}

/** Reads and changes the Settings screen's settings, applying what can be applied live. */
export function settingsController(deps: SettingsControllerDeps) {
  for (const host of publicHosts(deps.live.publicBaseUrl)) deps.allowedHosts.add(host);
  const view = async (): Promise<SettingsView> => {
    const { settings } = await deps.file.read();
    const port = settings.port ?? deps.runningPort;
    return {
      port,
      runningPort: deps.runningPort,
      publicBaseUrl: deps.live.publicBaseUrl ?? null,
      allowQueryKey: deps.live.allowQueryKey,
      dataDir: deps.dataDir,
      secretsIn: deps.secretsIn,
      restartNeeded: port !== deps.runningPort,
    };
  };
  return {
    view,
    async update(changes: InvokeInput<'settings.update'>): Promise<SettingsView> {
      const publicBaseUrl =
        changes.publicBaseUrl === undefined
          ? undefined
          : changes.publicBaseUrl === null || changes.publicBaseUrl.trim() === ''
            ? null
            : normalizePublicUrl(changes.publicBaseUrl);
      if (changes.port !== undefined && changes.port !== deps.runningPort) {
        const check = await checkPortFree(changes.port, deps.host);
        if (!check.free)
          throw new AppError(
            'port_unavailable',
            `Cannot switch to port ${changes.port}: ${check.reason}. Pick another port.`,
          );
      }
      const current = (await deps.file.read()).settings;
      const { publicBaseUrl: _old, ...kept } = current;
      await deps.file.update({
        ...kept,
        ...(changes.port !== undefined && { port: changes.port }),
        ...(changes.allowQueryKey !== undefined && { allowQueryKey: changes.allowQueryKey }),
        ...(publicBaseUrl === undefined
          ? current.publicBaseUrl !== undefined
            ? { publicBaseUrl: current.publicBaseUrl }
            : {}
          : publicBaseUrl === null
            ? {}
            : { publicBaseUrl }),
      });
      if (changes.allowQueryKey !== undefined) deps.live.allowQueryKey = changes.allowQueryKey;
      if (publicBaseUrl !== undefined) {
        for (const host of publicHosts(deps.live.publicBaseUrl)) deps.allowedHosts.delete(host);
        deps.live.publicBaseUrl = publicBaseUrl ?? undefined;
        for (const host of publicHosts(deps.live.publicBaseUrl)) deps.allowedHosts.add(host);
      }
      return view();
    },
  };
}

export type SettingsController = ReturnType<typeof settingsController>;

import { MCP_PATH } from '../../../src-shared/product.ts';
import type { InvokeInput, SettingsView } from '../../../src-shared/dashboard-contract.ts';
import { InputError } from '../app-error.ts';
import { PublicAddress } from '../tunnel/public-address.ts';
import { normalizePublicUrl } from '../tunnel/public-url.ts';
import { checkPortFree } from './port-check.ts';
import { SettingsFile } from './settings-file.ts';

/** Settings the running server applies at once (the rest wait for a restart). */
export interface LiveSettings {
  allowQueryKey: boolean;
  /** OAuth on loopback names too (Settings' "OAuth for local clients"). */
  oauthLocal: boolean;
  publicBaseUrl: string | undefined;
}

/** The MCP endpoint under the public URL, when one is set. */
export function publicMcpUrl(live: LiveSettings): string | undefined {
  return live.publicBaseUrl === undefined ? undefined : `${live.publicBaseUrl}${MCP_PATH}`;
}

export interface SettingsControllerDeps {
  /** settings.json of `dataDir` unless given. */
  file?: SettingsFile;
  live: LiveSettings;
  runningPort: number;
  host: string;
  dataDir: string;
  secretsIn: string;
  /** The Host allowlist of the running server: the public URL's host is kept in it (see PublicAddress). */
  allowedHosts: Set<string>;
}

export { normalizePublicUrl } from '../tunnel/public-url.ts';

/** Reads and changes the Settings screen's settings, applying what can be applied live. */
export function settingsController(deps: SettingsControllerDeps) {
  const file = deps.file ?? new SettingsFile(deps.dataDir);
  const publicAddress = new PublicAddress(deps.live, deps.allowedHosts);
  const view = async (): Promise<SettingsView> => {
    const { settings } = await file.read();
    const port = settings.port ?? deps.runningPort;
    return {
      port,
      runningPort: deps.runningPort,
      publicBaseUrl: deps.live.publicBaseUrl ?? null,
      allowQueryKey: deps.live.allowQueryKey,
      oauthLocal: deps.live.oauthLocal,
      dataDir: deps.dataDir,
      secretsIn: deps.secretsIn,
      restartNeeded: port !== deps.runningPort,
    };
  };
  return {
    view,
    /** The public origin the server answers on now (Settings', --public-url's or a tunnel's). */
    publicAddress,
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
          throw new InputError(
            'port_unavailable',
            `Cannot switch to port ${changes.port}: ${check.reason}. Pick another port.`,
            { field: 'port' },
          );
      }
      await file.update({
        ...(changes.port !== undefined && { port: changes.port }),
        ...(changes.allowQueryKey !== undefined && { allowQueryKey: changes.allowQueryKey }),
        ...(changes.oauthLocal !== undefined && { oauthLocal: changes.oauthLocal }),
        // null clears it: the key goes from settings.json.
        ...(publicBaseUrl !== undefined && { publicBaseUrl: publicBaseUrl ?? undefined }),
      });
      if (changes.allowQueryKey !== undefined) deps.live.allowQueryKey = changes.allowQueryKey;
      if (changes.oauthLocal !== undefined) deps.live.oauthLocal = changes.oauthLocal;
      if (publicBaseUrl !== undefined) publicAddress.set(publicBaseUrl ?? undefined);
      return view();
    },
  };
}

export type SettingsController = ReturnType<typeof settingsController>;

import { MCP_PATH } from '../../../src-shared/product.ts';
import type { InvokeInput, SettingsView } from '../../../src-shared/dashboard-contract.ts';
import { InputError } from '../app-error.ts';
import { hostForHeader, isLoopbackHost, lanHostnames } from '../http/host-allowlist.ts';
import { PublicAddress } from '../tunnel/public-address.ts';
import { checkPortFree } from './port-check.ts';
import { SettingsFile } from './settings-file.ts';

/** Settings the running server applies at once (the rest wait for a restart). */
export interface LiveSettings {
  allowQueryKey: boolean;
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

const invalid = (message: string) =>
  new InputError('invalid_public_url', message, { field: 'publicBaseUrl' });

/** DNS labels of a host name as URL parsing leaves it: lower case, IDNs in punycode. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The public origin of a tunnel or reverse proxy: `https://` and a host name on the internet, nothing
 * after it (MCP Tray adds `/mcp`). `http://localhost:<port>` is accepted for testing. A loopback name or
 * one of this machine's own addresses is refused: clients on the internet could never reach it, and it
 * would only muddle which names the server answers.
 */
export function normalizePublicUrl(value: string, ownNames: readonly string[] = lanHostnames()): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid(`"${value}" is not a URL; give the tunnel's address, like https://tray.example.com.`);
  }
  if (url.protocol === 'http:' && url.hostname === 'localhost' && url.pathname === '/' && !url.search)
    return url.origin;
  if (url.protocol !== 'https:')
    throw invalid('The public URL must start with https:// (clients on the internet require it).');
  if (url.username !== '' || url.password !== '')
    throw invalid('The public URL cannot hold a user name or password.');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(value.trim()))
    throw invalid(
      'Give only the address, like https://tray.example.com, with no path, query or #fragment: MCP Tray adds /mcp itself.',
    );
  const host = url.hostname;
  if (isLoopbackHost(host) || ownNames.includes(hostForHeader(host)))
    throw invalid(
      `${host} is this computer, which clients on the internet cannot reach. Give the public address of your tunnel (cloudflared, ngrok) or reverse proxy.`,
    );
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith('['))
    throw invalid(
      `Give the tunnel's host name rather than an IP address (${host}): HTTPS certificates name hosts.`,
    );
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1) ?? ''))
    throw invalid(`"${host}" is not a valid host name; give one like tray.example.com.`);
  return url.origin;
}

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
        // null clears it: the key goes from settings.json.
        ...(publicBaseUrl !== undefined && { publicBaseUrl: publicBaseUrl ?? undefined }),
      });
      if (changes.allowQueryKey !== undefined) deps.live.allowQueryKey = changes.allowQueryKey;
      if (publicBaseUrl !== undefined) publicAddress.set(publicBaseUrl ?? undefined);
      return view();
    },
  };
}

export type SettingsController = ReturnType<typeof settingsController>;

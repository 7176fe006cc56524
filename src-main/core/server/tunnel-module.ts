import type { TunnelView } from '../../../src-shared/tunnel-view.ts';
import type { HandlerSlice } from '../contract-handlers.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import type { Logger } from '../logger.ts';
import { SettingsFile } from '../settings/settings-file.ts';
import type { PublicAddress } from '../tunnel/public-address.ts';
import { TunnelController } from '../tunnel/tunnel-controller.ts';
import { tunnelHandlers, type TunnelChannel } from '../tunnel/tunnel-handlers.ts';

export interface TunnelStartDeps {
  dataDir: string;
  port: number;
  publicAddress: PublicAddress;
  logger: Logger;
  now: () => number;
  onChange: (view: TunnelView) => void;
  secrets: SecretStore;
}

/**
 * The server's tunnel: its dashboard handlers exist before the server listens (they are part of the
 * contract), the controller once it does; at start it is turned on again when settings say it was on (the
 * dashboard's "Expose to the internet").
 */
export function tunnelModule(): {
  handlers: HandlerSlice<TunnelChannel>;
  start(deps: TunnelStartDeps): Promise<TunnelController>;
} {
  let current: TunnelController | undefined;
  return {
    handlers: tunnelHandlers(() => {
      if (current === undefined) throw new Error('the tunnel is not ready before the server listens');
      return current;
    }),
    async start(deps) {
      const settings = new SettingsFile(deps.dataDir, deps.now);
      current = new TunnelController({
        port: deps.port,
        env: process.env,
        publicAddress: deps.publicAddress,
        logger: deps.logger,
        settings,
        onChange: deps.onChange,
        secrets: deps.secrets,
      });
      await current.load();
      const { settings: saved } = await settings.read();
      if (saved.tunnel !== undefined)
        await current.start(saved.tunnel, saved.tunnelPath, false, saved.tunnelHostname);
      return current;
    },
  };
}

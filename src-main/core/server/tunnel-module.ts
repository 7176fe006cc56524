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
      const controller = current;
      // The keychain is asked in the background (whether a named tunnel's token is kept; the token itself):
      // a stalled keychain must not hold up the start of the server.
      void controller.load().then(() => deps.onChange(controller.view()));
      const { settings: saved } = await settings.read();
      if (saved.tunnel !== undefined)
        void controller
          .start(saved.tunnel, saved.tunnelPath, false, saved.tunnelHostname)
          .catch((error: Error) =>
            deps.logger.warn(`The tunnel could not be started again: ${error.message}`),
          );
      return controller;
    },
  };
}

import type { HandlerSlice } from '../contract-handlers.ts';
import { normalizePublicUrl } from './public-url.ts';
import type { TunnelController } from './tunnel-controller.ts';

export type TunnelChannel = 'tunnel.get' | 'tunnel.start' | 'tunnel.stop';

/**
 * "Expose to the internet" in the dashboard: the same tunnel as `serve --tunnel`, remembered in settings so
 * it starts again with the server. `tunnel` is known once the server listens.
 */
export function tunnelHandlers(tunnel: () => TunnelController): HandlerSlice<TunnelChannel> {
  return {
    'tunnel.get': async () => tunnel().view(),
    'tunnel.start': (input) =>
      tunnel().start(
        input.tool,
        input.path,
        true,
        // Checked as a public URL's host: a name on the internet, nothing after it.
        input.hostname === undefined
          ? undefined
          : new URL(normalizePublicUrl(`https://${input.hostname}`)).host,
        input.token,
      ),
    'tunnel.stop': () => tunnel().stop(true),
  };
}

import type { HandlerSlice } from '../contract-handlers.ts';
import type { TunnelController } from './tunnel-controller.ts';

export type TunnelChannel = 'tunnel.get' | 'tunnel.start' | 'tunnel.stop';

/**
 * "Expose to the internet" in the dashboard: the same tunnel as `serve --tunnel`, remembered in settings so
 * it starts again with the server. `tunnel` is known once the server listens.
 */
export function tunnelHandlers(tunnel: () => TunnelController): HandlerSlice<TunnelChannel> {
  return {
    'tunnel.get': async () => tunnel().view(),
    'tunnel.start': (input) => tunnel().start(input.tool, input.path, true),
    'tunnel.stop': () => tunnel().stop(true),
  };
}

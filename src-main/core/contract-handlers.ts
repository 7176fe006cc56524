import type { InvokeChannel, InvokeInput, InvokeOutput } from '../../src-shared/dashboard-contract.ts';

/** A handler for every channel of the dashboard contract: what both doors (IPC and /api) call. */
export type ContractHandlers = {
  [C in InvokeChannel]: (input: InvokeInput<C>) => Promise<InvokeOutput<C>>;
};

/** The handlers one feature owns (keys, server, sign-in, activity, settings); the map is their union. */
export type HandlerSlice<C extends InvokeChannel> = Pick<ContractHandlers, C>;

/** The channels of one feature, by their prefix: `ChannelsOf<'tunnel'>` is 'tunnel.get' | 'tunnel.start' | … */
export type ChannelsOf<P extends string> = Extract<InvokeChannel, `${P}.${string}`>;

/**
 * A feature's handlers, loaded with the first call of one of them: what serving does not need is not
 * imported at start (the client-config editors, for one, with their JSONC, TOML and diff libraries).
 */
export function lazySlice<C extends InvokeChannel>(
  channels: readonly C[],
  load: () => Promise<HandlerSlice<C>>,
): HandlerSlice<C> {
  let loading: Promise<HandlerSlice<C>> | undefined;
  const slice: Partial<Record<C, (input: never) => Promise<unknown>>> = {};
  for (const channel of channels) {
    slice[channel] = async (input) => {
      const handler = (await (loading ??= load()))[channel] as (input: unknown) => Promise<unknown>;
      return handler(input);
    };
  }
  return slice as HandlerSlice<C>;
}
